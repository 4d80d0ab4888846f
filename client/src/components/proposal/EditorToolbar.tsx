import { useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

interface ToolButton {
  key: string;
  label: string;
  shortcut?: string;
  icon: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between the buttons (the WAI-ARIA toolbar pattern);
 * toggles say whether they are on. Every action is also a keyboard shortcut of the editor (Ctrl+B, …).
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const id = useId();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      href: (e.getAttributes('link')['href'] as string | undefined) ?? '',
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('');
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const chain = () => editor.chain().focus();

  const groups: ToolButton[][] = [
    [
      {
        key: 'undo',
        label: t('proposals.editor.undo'),
        shortcut: 'Ctrl+Z',
        icon: '↶',
        disabled: !state.canUndo,
        run: () => chain().undo().run(),
      },
      {
        key: 'redo',
        label: t('proposals.editor.redo'),
        shortcut: 'Ctrl+Shift+Z',
        icon: '↷',
        disabled: !state.canRedo,
        run: () => chain().redo().run(),
      },
    ],
    [
      {
        key: 'h2',
        label: t('proposals.editor.heading2'),
        icon: 'H2',
        pressed: state.h2,
        run: () => chain().toggleHeading({ level: 2 }).run(),
      },
      {
        key: 'h3',
        label: t('proposals.editor.heading3'),
        icon: 'H3',
        pressed: state.h3,
        run: () => chain().toggleHeading({ level: 3 }).run(),
      },
    ],
    [
      {
        key: 'bold',
        label: t('proposals.editor.bold'),
        shortcut: 'Ctrl+B',
        icon: <b>B</b>,
        pressed: state.bold,
        run: () => chain().toggleBold().run(),
      },
      {
        key: 'italic',
        label: t('proposals.editor.italic'),
        shortcut: 'Ctrl+I',
        icon: <i>I</i>,
        pressed: state.italic,
        run: () => chain().toggleItalic().run(),
      },
      {
        key: 'underline',
        label: t('proposals.editor.underline'),
        shortcut: 'Ctrl+U',
        icon: <u>U</u>,
        pressed: state.underline,
        run: () => chain().toggleUnderline().run(),
      },
    ],
    [
      {
        key: 'bullet',
        label: t('proposals.editor.bulletList'),
        icon: '•≡',
        pressed: state.bulletList,
        run: () => chain().toggleBulletList().run(),
      },
      {
        key: 'ordered',
        label: t('proposals.editor.orderedList'),
        icon: '1≡',
        pressed: state.orderedList,
        run: () => chain().toggleOrderedList().run(),
      },
    ],
    [
      {
        key: 'link',
        label: t('proposals.editor.link'),
        icon: (
          <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
            <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
          </svg>
        ),
        pressed: state.link,
        run: () => {
          setHref(state.href);
          setLinking((open) => !open);
        },
      },
      state.table
        ? {
            key: 'table',
            label: t('proposals.editor.addRow'),
            icon: '⊞+',
            run: () => chain().addRowAfter().run(),
          }
        : {
            key: 'table',
            label: t('proposals.editor.table'),
            icon: '⊞',
            run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          },
      ...(state.table
        ? [
            {
              key: 'column',
              label: t('proposals.editor.addColumn'),
              icon: '⊞→',
              run: () => chain().addColumnAfter().run(),
            },
            {
              key: 'deleteTable',
              label: t('proposals.editor.deleteTable'),
              icon: '⊟',
              run: () => chain().deleteTable().run(),
            },
          ]
        : []),
    ],
  ];
  const flat = groups.flat();
  const current = Math.min(focusIndex, flat.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -flat.length,
      End: flat.length,
    };
    const step = moves[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(flat.length - 1, current + step));
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  let index = -1;
  return (
    <div className="editor-toolbar-wrap">
      <div
        className="editor-toolbar"
        role="toolbar"
        aria-label={t('proposals.editor.toolbar')}
        onKeyDown={onKeyDown}
        data-testid="editor-toolbar"
      >
        {groups.map((group, groupIndex) => (
          <div key={groupIndex} className="editor-toolbar__group" role="group">
            {group.map((button) => {
              index += 1;
              const mine = index;
              return (
                <button
                  key={button.key}
                  ref={(element) => {
                    buttons.current[mine] = element;
                  }}
                  type="button"
                  className="editor-toolbar__button"
                  tabIndex={mine === current ? 0 : -1}
                  aria-pressed={button.pressed === undefined ? undefined : button.pressed}
                  aria-label={button.label}
                  title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
                  aria-keyshortcuts={button.shortcut?.replace('Ctrl', 'Control')}
                  disabled={button.disabled}
                  onFocus={() => setFocusIndex(mine)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={button.run}
                  data-testid={`editor-${button.key}`}
                >
                  <span aria-hidden="true">{button.icon}</span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
      {linking && (
        <form
          id={`${id}-link`}
          className="inline-form inline-form--row editor-link"
          onSubmit={(event) => {
            event.preventDefault();
            const url = href.trim();
            if (url) chain().extendMarkRange('link').setLink({ href: url }).run();
            else chain().extendMarkRange('link').unsetLink().run();
            setLinking(false);
          }}
        >
          <label htmlFor={`${id}-href`}>{t('proposals.editor.linkAddress')}</label>
          <input
            id={`${id}-href`}
            type="url"
            value={href}
            autoFocus
            placeholder="https://"
            onChange={(event) => setHref(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setLinking(false);
                editor.commands.focus();
              }
            }}
          />
          <button type="submit" className="button button--small button--primary">
            {t('proposals.editor.applyLink')}
          </button>
          {state.link && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                chain().extendMarkRange('link').unsetLink().run();
                setLinking(false);
              }}
            >
              {t('proposals.editor.removeLink')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setLinking(false)}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
