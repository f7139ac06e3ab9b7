// The CLI's --url runs the same run the app shows for a link: the same state hash as the
// in-thread client at the link's time, corrections reported, unreadable links refused.
import { describe, expect, it } from 'vitest';
import { runUrl } from '../../src/cli/urlOption.ts';
import { InThreadClient } from '../../src/worker/client.ts';
import { decodeLink, linkText } from '../../src/url/codec.ts';
import { EventLog, hashAt } from '../worker/helpers.ts';

const LINK =
  'https://lab.example.org/#v=1&scn=identical-vms&seed=3&host.memoryMiB=2048&host.pageSharing=all&policy.kind=manual&vms=2&vms.0.memoryMiB=512&vms.1.memoryMiB=512&in=7%3Avms.1.balloon.targetMiB%3A128&t=2.4';

describe('sim --url', () => {
  it('gives the state the app reaches for the same link', async () => {
    const cli = await runUrl(LINK, true);
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    const client = new InThreadClient();
    const log = new EventLog(client);
    const { state } = decodeLink(linkText(LINK));
    const done = hashAt(log, 2400);
    client.send({ type: 'load', scenario: state.scenario, timeMs: state.timeMs });
    expect((await done).status.hash).toBe(cli.hash);
    client.terminate();
    const report = JSON.parse(cli.text);
    expect(report.simSeconds).toBe(2.4);
    expect(report.vms[1].balloonTargetMiB).toBe(128);
  });

  it('refuses an unreadable link and lists corrections of a damaged one', async () => {
    expect(await runUrl('#v=42', false)).toMatchObject({ ok: false });
    const r = await runUrl('#v=1&seed=1&vms=1&vms.0.memoryMiB=64&tickMs=5', false);
    expect(r.ok && r.warnings[0]).toMatch(/tickMs: "5" is not valid/);
  });
});
