// The semantic gap, for one guest-physical page: what the guest knows it holds (free, page
// cache, anonymous data, balloon, kernel, page table) beside all the hypervisor can see of it:
// whether a host frame backs it, and the EPT accessed bit. Nothing more (reference §5.3).
// Props in, no store.
import { PAGE_SIZE_BYTES } from '../../sim/units.ts';
import './walk.css';
import { Term } from '../glossary/Term.tsx';

export type GuestPageUse = 'free' | 'cache' | 'anonymous' | 'balloon' | 'kernel' | 'page table' | 'offline';

export interface SemanticGapPanelProps {
  guestPhysicalPage: number;
  guestSees: { use: GuestPageUse; /** e.g. "dirty, active" or "in process 1 at 0x7f0000005000". */ detail?: string };
  hypervisorSees: {
    backed: boolean;
    hostFrame: number | null;
    accessed: boolean;
    /** The EPT entry's state, e.g. "ballooned". */ entry?: string;
  };
}

const GUEST_TEXT: Record<GuestPageUse, string> = {
  free: "Free: on the guest's free list, holds nothing it needs.",
  cache: 'Page cache: a copy of file data the guest can drop and read again.',
  anonymous: "Anonymous: a process's own data; losing it needs a swap-out first.",
  balloon: 'Balloon: pinned by the balloon driver and given to the hypervisor; the guest never touches it.',
  kernel: "Kernel: the guest kernel's code and data structures.",
  'page table': "Page table: one page of a process's guest page table.",
  offline: 'Offline: memory the guest has unplugged; it does not use it.',
};

const hex = (n: number) => `0x${n.toString(16)}`;

export function SemanticGapPanel({ guestPhysicalPage, guestSees, hypervisorSees }: SemanticGapPanelProps) {
  const gpa = hex(guestPhysicalPage * PAGE_SIZE_BYTES);
  return (
    <section className="semantic-gap" aria-label={`Semantic gap: guest-physical page ${gpa}`}>
      <div className="semantic-gap-side">
        <h4>What the guest sees</h4>
        <p>
          Guest-physical {gpa}:{' '}
          <span className={`semantic-gap-kind semantic-gap-kind-${guestSees.use.replace(' ', '-')}`}>{guestSees.use}</span>
        </p>
        <p>
          {GUEST_TEXT[guestSees.use]}
          {guestSees.detail ? ` (${guestSees.detail})` : ''}
        </p>
      </div>
      <div className="semantic-gap-side">
        <h4>What the hypervisor sees</h4>
        <p>
          {hypervisorSees.backed && hypervisorSees.hostFrame !== null ? (
            <span className="semantic-gap-frame">Backed: host frame {hex(hypervisorSees.hostFrame)}</span>
          ) : (
            <span className="semantic-gap-frame semantic-gap-frame-unbacked">Unbacked: no host frame</span>
          )}
        </p>
        {hypervisorSees.entry && <p>EPT entry: {hypervisorSees.entry}.</p>}
        <p>EPT accessed bit: {hypervisorSees.accessed ? 'set (touched since the last scan)' : 'clear'}.</p>
        <p>And nothing more.</p>
      </div>
      <p className="semantic-gap-note">
        The hypervisor cannot tell free memory from page cache, anonymous data or kernel structures: this is the{' '}
        <Term id="semanticGap">semantic gap</Term>. Ballooning, free page reporting and the stats queue exist to let the guest say what it
        knows.
      </p>
    </section>
  );
}
