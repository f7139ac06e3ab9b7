// The page-walk views: the two-layer diagram, its stepper, the translation toggles, the
// semantic-gap panel, and all of them together (WalkExplorer). Pure layout in layoutWalk.ts.
export { PageWalkDiagram, type PageWalkDiagramProps } from './PageWalkDiagram.tsx';
export { WalkStepper, type WalkStepperProps } from './WalkStepper.tsx';
export { WalkToggles, type WalkTogglesProps } from './WalkToggles.tsx';
export { SemanticGapPanel, type SemanticGapPanelProps, type GuestPageUse } from './SemanticGapPanel.tsx';
export { WalkExplorer, type WalkExplorerProps } from './WalkExplorer.tsx';
export { layoutWalk, columnsOf, type WalkLayout } from './layoutWalk.ts';
export type { CountsFor } from './walkToggleCounts.ts';
