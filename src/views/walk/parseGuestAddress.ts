// The "Guest virtual address" field's text to an address: hex with or without 0x, underscores
// allowed, inside the user half of the VM's paging levels. Pure: an address, or the message
// naming the field and the allowed range (walkText.ts).
import { addressError, lastUserAddress } from './walkText.ts';

export type ParsedAddress = { ok: true; gva: string } | { ok: false; error: string };

export function parseGuestAddress(text: string, levels: number): ParsedAddress {
  const t = text.trim().replace(/_/g, '').toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{1,16}$/.test(t)) return { ok: false, error: addressError(text, levels) };
  const address = BigInt(`0x${t}`);
  if (address > lastUserAddress(levels)) return { ok: false, error: addressError(text, levels) };
  return { ok: true, gva: `0x${address.toString(16)}` };
}
