// Where the store's actions send worker commands. The controller (controller.ts) plugs the live
// client in; until then (and in tests) commands go to whatever sink was set, or nowhere.
import type { Command } from '../worker/protocol.ts';

type Sink = (cmd: Command, transfer?: Transferable[]) => void;
let sink: Sink = () => {};

export function setCommandSink(next: Sink): void {
  sink = next;
}

export function sendCommand(cmd: Command, transfer?: Transferable[]): void {
  sink(cmd, transfer);
}
