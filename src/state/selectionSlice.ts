// Store slice: what the user has picked: a VM, a page (host frame or guest-physical page) and
// an address to translate. All of it is part of the link.
import type { StateCreator } from 'zustand';
import type { SelectedAddress, SelectedPage } from '../url/linkTypes.ts';
import type { SimStore } from './store.ts';

export interface SelectionSlice {
  selectedVm: number | null;
  selectedPage: SelectedPage | null;
  address: SelectedAddress | null;
  selectVm(vm: number | null): void;
  selectPage(page: SelectedPage | null): void;
  selectAddress(address: SelectedAddress | null): void;
}

export const createSelectionSlice: StateCreator<SimStore, [], [], SelectionSlice> = (set) => ({
  selectedVm: null,
  selectedPage: null,
  address: null,
  selectVm: (selectedVm) => set({ selectedVm }),
  selectPage: (selectedPage) => set({ selectedPage }),
  selectAddress: (address) => set({ address }),
});
