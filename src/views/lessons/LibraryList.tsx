// The scenario library as a collapsible list: each entry's title, learning goal, what to look
// for, and its link (the scenario's full link, with the walk target for the walk entry).
import { useMemo } from 'react';
import { LIBRARY } from '../../sim/scenario/library.ts';
import { libraryScenario } from '../../sim/lessons/setup.ts';
import { encodeLink } from '../../url/codec.ts';
import { DEFAULT_VIEW } from '../../url/linkTypes.ts';

export function LibraryList() {
  const links = useMemo(
    () =>
      LIBRARY.map((e) => {
        const scenario = libraryScenario(e.id);
        return scenario ? `#${encodeLink({ scenario, timeMs: 0, view: { ...DEFAULT_VIEW, walkTarget: e.walkTarget ?? null } })}` : null;
      }),
    [],
  );
  return (
    <details className="scenario-library">
      <summary>Scenario library ({LIBRARY.length} scenarios)</summary>
      <ul>
        {LIBRARY.map((e, i) => (
          <li key={e.id}>
            <h3>{links[i] ? <a href={links[i]}>{e.title}</a> : e.title}</h3>
            <p>{e.goal}</p>
            <p>
              <strong>What to look for:</strong> {e.lookFor}
            </p>
          </li>
        ))}
      </ul>
    </details>
  );
}
