// Keyboard shortcut help, generated from the command registry (the same table the buttons and
// the key handler use).
import { COMMANDS, hotkeyText } from './commands.ts';

export function ShortcutHelp() {
  return (
    <details className="shortcut-help">
      <summary>Keys</summary>
      <table>
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <tbody>
          {COMMANDS.filter((c) => c.hotkey).map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <kbd>{hotkeyText(c.hotkey)}</kbd>
              </th>
              <td>{c.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
