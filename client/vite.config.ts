import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (pnpm --filter @quorum/server dev) listens on 4000; in development the
// client is served by Vite and everything it asks of the server goes through this proxy,
// so the browser sees one origin exactly as in production, where the server serves dist/.
const apiServer = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiServer, ws: true, changeOrigin: true },
      '/health': { target: apiServer, changeOrigin: true },
      // The exports and the calendar feed; `/calendar` and `/meetings/<id>` themselves are the client's pages.
      '^/calendar/[^/]+\\.ics$': { target: apiServer, changeOrigin: true },
      '^/meetings/[^/]+/(agenda\\.ics|agenda\\.json|book\\.pdf|minutes\\.docx|minutes\\.pdf)$': {
        target: apiServer,
        changeOrigin: true,
      },
      '/uploads': { target: apiServer, changeOrigin: true },
      // Co-editing of proposal bodies (Hocuspocus) and a round's report; `/proposals/<id>` is the client's page.
      '/collab': { target: apiServer, ws: true, changeOrigin: true },
      '^/appraisals/[^/]+/report\\.pdf$': { target: apiServer, changeOrigin: true },
      // The follow-up report's downloads; `/follow-up` is the client's page.
      '^/reports/follow-up\\.(pdf|xlsx)$': { target: apiServer, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached across releases.
        codeSplitting: {
          groups: [
            // Drag and drop is only needed in the meeting room and the task board; the router on every page.
            // Without its dependencies: by default a group takes in what its modules import, and React and
            // react-dom (which dnd-kit imports) then sat in this chunk, which every page therefore loaded.
            {
              name: 'dnd',
              test: /node_modules[\\/]\.pnpm[\\/]@dnd-kit/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
            {
              name: 'router',
              test: /node_modules[\\/]\.pnpm[\\/](react-router|cookie|set-cookie-parser)/,
              priority: 2,
            },
            // Except the co-editor (TipTap, ProseMirror, Yjs, Hocuspocus, y-indexeddb), which only a proposal's page and
            // the opened minutes need, and the charts (visx, d3), which only the programme's page needs: each comes
            // with its page's own chunk.
            {
              name: 'vendor',
              test: /^(?!.*[\\/]\.pnpm[\\/](@tiptap|prosemirror-|@hocuspocus|yjs@|y-protocols|y-indexeddb|lib0|orderedmap|rope-sequence|w3c-keyname|linkifyjs|@floating-ui|fast-equals|use-sync-external-store|@visx|d3-|internmap)).*node_modules/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
