// Share: copies the link to what is on screen (scenario, live changes, time, view). Shows the
// link in a field as well, for browsers that refuse clipboard access, and the embed code.
import { useState } from 'react';
import { linkStateOf } from '../state/linkState.ts';
import { useSimStore } from '../state/store.ts';
import { encodeLink } from '../url/codec.ts';
import { compactLink } from '../url/compact.ts';

/** The link to what is on screen; `embed` makes the embedded (play area only) form. */
export async function currentLink(embed = false): Promise<string> {
  const state = linkStateOf(useSimStore.getState());
  const text = await compactLink(encodeLink(embed ? { ...state, view: { ...state.view, embed: true } } : state));
  return `${window.location.href.split('#')[0]}#${text}`;
}

export function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const [embedLink, setEmbedLink] = useState('');
  const [status, setStatus] = useState('');
  const share = async (): Promise<void> => {
    const url = await currentLink();
    setLink(url);
    setEmbedLink(await currentLink(true));
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      setStatus('Copy the link below');
    }
  };
  const embed = `<iframe src="${embedLink}" width="834" height="504" title="Balloon Lab" loading="lazy"></iframe>`;
  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>Share</button>
      <span role="status" className="share-status">{status}</span>
      {link && (
        <div className="share-panel">
          <label>Link <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" /></label>
          <label>Embed <input readOnly value={embed} onFocus={(e) => e.currentTarget.select()} /></label>
          <button type="button" onClick={() => setLink(null)}>Close</button>
        </div>
      )}
    </div>
  );
}
