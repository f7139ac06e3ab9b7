// How a workload's touches are spread (assumptions of the workload model, shared with the
// translation-cost model that prices them): most fall in the working-set window, a small share
// anywhere in the footprint; a file-cache workload sends most of its touches to its files.

/** Share of touches outside the working-set window (cold data still referenced now and then). */
export const COLD_TOUCH_FRACTION = 0.02;
/** Share of a file-cache workload's touches that go to its files rather than its heap. */
export const FILE_TOUCH_FRACTION = 0.9;
