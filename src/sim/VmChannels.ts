// The links between one VM and the hypervisor, as small objects rather than closures so a
// simulation can be deep-copied for keyframes: the guest's path to its EPT (GuestPlatform),
// the balloon's message channel (BalloonHost), and the content the host may hash (ContentSource).
import type { BalloonHost } from './balloon/BalloonDriver.ts';
import type { GuestOs } from './guest/GuestOs.ts';
import type { GuestPlatform } from './guest/GuestPlatform.ts';
import type { ContentSource, Hypervisor } from './host/Hypervisor.ts';

export class EptPlatform implements GuestPlatform, BalloonHost {
  private readonly hv: Hypervisor;
  private readonly vm: number;

  readonly eptEntries: Int32Array;

  constructor(hv: Hypervisor, vm: number, eptEntries: Int32Array) {
    this.hv = hv;
    this.vm = vm;
    this.eptEntries = eptEntries;
  }
  access(gpfn: number, write: boolean): number {
    return this.hv.access(this.vm, gpfn, write);
  }
  readForGuestSwapOut(gpfn: number): number {
    return this.hv.readForGuestSwapOut(this.vm, gpfn);
  }
  inflated(pfns: Int32Array, count: number): void {
    this.hv.balloonInflated(this.vm, pfns, count);
  }
  deflated(pfns: Int32Array, count: number): void {
    this.hv.balloonDeflated(this.vm, pfns, count);
  }
  reported(pfns: Int32Array, count: number): void {
    this.hv.freePagesReported(this.vm, pfns, count);
  }
}

export class GuestContent implements ContentSource {
  private readonly os: GuestOs;

  constructor(os: GuestOs) {
    this.os = os;
  }
  contentIdentity(gpfn: number): number {
    return this.os.contentIdentity(gpfn);
  }
  volatile(gpfn: number): boolean {
    return this.os.truth?.volatile(gpfn) ?? false;
  }
}
