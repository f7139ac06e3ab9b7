// Builds the balloon driver a VM's scenario asks for.
import type { GuestOs } from '../guest/GuestOs.ts';
import type { BalloonConfig } from '../scenario/types.ts';
import type { BalloonDriver, BalloonHost } from './BalloonDriver.ts';
import { HypervBalloonDriver } from './hypervDriver.ts';
import { VirtioBalloonDriver } from './virtioDriver.ts';
import { VmwareBalloonDriver } from './vmwareDriver.ts';
import { XEN_FRAMES_PER_HYPERCALL, XenBalloonDriver } from './xenDriver.ts';

export function createBalloonDriver(config: BalloonConfig, os: GuestOs, host: BalloonHost): BalloonDriver | null {
  if (!config.enabled) return null;
  switch (config.driver) {
    case 'virtio':
      return new VirtioBalloonDriver(os, host, config);
    case 'vmware':
      return new VmwareBalloonDriver(os, host, config.deflateOnOom, 512);
    case 'xen':
      return new XenBalloonDriver(os, host, config.deflateOnOom, XEN_FRAMES_PER_HYPERCALL);
    case 'hyperv':
      return new HypervBalloonDriver(os, host, config.deflateOnOom, 512);
  }
}
