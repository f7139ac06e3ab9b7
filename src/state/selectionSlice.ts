// Store slice: what the user has picked: a VM and a page (host frame or guest-physical page).
// Both are part of the link; what is walked lives in walkSlice.ts.
import type { StateCreator } from 'zustand';
import type { SelectedPage } from '../url/linkTypes.ts';
import type { SimStore } from './store.ts';

export interface SelectionSlice {
  selectedVm: number | null;
  selectedPage: SelectedPage | null;
  selectVm(vm: number | null): void;
  selectPage(page: SelectedPage | null): void;
}

export const createSelectionSlice: StateCreator<SimStore, [], [], SelectionSlice> = (set) => ({
  selectedVm: null,
  selectedPage: null,
  selectVm: (selectedVm) => set({ selectedVm }),
  selectPage: (selectedPage) => set({ selectedPage }),
});
