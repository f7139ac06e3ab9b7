// Links: encode the state the user sees, decode any link text into a valid state.
export { decodeLink, encodeLink, linkText, MAX_LINK_CHARS, type DecodeResult } from './codec.ts';
export { compactLink, expandLink } from './compact.ts';
export { defaultLinkState, presetScenario } from './defaultState.ts';
export * from './linkTypes.ts';
export { LINK_VERSION } from './migrations.ts';
