// Entry point: reads the link, starts the simulation client and renders the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { bootApp } from './app/boot.ts';

const root = createRoot(document.getElementById('root')!);
void bootApp().finally(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
