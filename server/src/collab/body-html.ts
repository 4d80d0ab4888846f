import { type Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { generateHTML } from '@tiptap/html/server';
import StarterKit from '@tiptap/starter-kit';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { bodyFragment } from './body-text.js';

/**
 * The schema of a proposal's body: what the client's editor offers (headings, lists, tables, bold, italic,
 * underline, links: StarterKit 3 carries the marks and Link). The client must use the same nodes and marks;
 * its own undo replaces StarterKit's (Collaboration undoes per user).
 */
export const bodyExtensions: Extensions = [StarterKit.configure({ undoRedo: false }), TableKit];

/**
 * The body as HTML, for export and display outside the editor, through TipTap's own serializer (on happy-dom)
 * with the editor's schema. This module is loaded on the first store, so starting the server does not pay for
 * TipTap.
 */
export function bodyHtml(doc: Y.Doc): string {
  return generateHTML(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFragment)), bodyExtensions);
}
