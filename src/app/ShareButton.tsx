// Share: copies the link to what is on screen (scenario, live changes, time, view) and opens a
// panel with the link (for browsers that refuse clipboard access), a "customize link" choice of
// controls to hide (teacher focus links), and the embed code.
import { useState } from 'react';
import { useSimStore } from '../state/store.ts';
import { HIDEABLE, shareLink } from './shareLink.ts';

export function ShareButton() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [embedLink, setEmbedLink] = useState('');
  const [hidden, setHidden] = useState<string[]>(() => useSimStore.getState().hidden);
  const [status, setStatus] = useState('');
  const refresh = async (hide: string[]): Promise<string> => {
    const url = await shareLink({ hidden: hide });
    setLink(url);
    setEmbedLink(await shareLink({ hidden: hide, embed: true }));
    return url;
  };
  const share = async (): Promise<void> => {
    const url = await refresh(hidden);
    setOpen(true);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      setStatus('Copy the link below');
    }
  };
  const toggle = (id: string, on: boolean): void => {
    const next = on ? [...hidden, id] : hidden.filter((h) => h !== id);
    setHidden(next);
    setStatus('');
    void refresh(next);
  };
  const embed = `<iframe src="${embedLink}" width="834" height="504" title="Balloon Lab" loading="lazy"></iframe>`;
  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>
      <span role="status" className="share-status">
        {status}
      </span>
      {open && (
        <div className="share-panel">
          <label>
            Link <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
          </label>
          <fieldset>
            <legend>Hide in this link</legend>
            {HIDEABLE.map(([id, label]) => (
              <label key={id} className="hide-choice">
                <input type="checkbox" checked={hidden.includes(id)} onChange={(e) => toggle(id, e.target.checked)} /> {label}
              </label>
            ))}
          </fieldset>
          <label>
            Embed <input readOnly value={embed} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
