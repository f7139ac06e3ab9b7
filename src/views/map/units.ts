// Page size as the views show it (the model's 4 KiB pages and frames).
export const PAGE_KIB = 4;
export const PAGES_PER_MIB = 1024 / PAGE_KIB;
export const mibToPages = (mib: number): number => Math.round(mib * PAGES_PER_MIB);
