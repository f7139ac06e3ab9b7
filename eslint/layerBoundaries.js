// ESLint rule "layers/boundaries": an import from one folder of src/ into another must be one
// that LAYERS (eslint/layers.js) allows, so the data flow runs one way: model -> run engine ->
// snapshot -> worker -> url/state -> views/app. Only relative imports can cross (the project has
// no path aliases), so the rule resolves each relative specifier against the importing file.
import path from 'node:path';
import { LAYERS } from './layers.js';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** The layer of a file under src/, or null outside src/. */
function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? '(entry)' : parts[0];
}

export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between the folders of src/ follow the layer table (docs/architecture.md)' },
    messages: {
      wrongWay: "src/{{from}} may not import src/{{to}} ('{{spec}}'): src/{{from}} may import {{allowed}} (docs/architecture.md).",
      unknown: 'src/{{from}} is not a layer of eslint/layers.js; add it there and to docs/architecture.md.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from === null) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), spec));
      if (to === null || to === from) return;
      const allowed = LAYERS[from];
      if (!allowed) return context.report({ node, messageId: 'unknown', data: { from } });
      if (!allowed.includes(to)) {
        context.report({
          node,
          messageId: 'wrongWay',
          data: { from, to, spec, allowed: allowed.length ? allowed.map((l) => `src/${l}`).join(', ') : 'nothing outside itself' },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
