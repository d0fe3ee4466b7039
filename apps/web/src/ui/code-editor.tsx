import { indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { Compartment, EditorState, type Extension, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

export type EditorLanguage = 'typescript' | 'javascript' | 'sql' | 'plain';

function languageExtension(language: EditorLanguage): Extension {
  switch (language) {
    case 'typescript':
      return javascript({ typescript: true });
    case 'javascript':
      return javascript();
    case 'sql':
      return sql({ dialect: PostgreSQL, upperCaseKeywords: true });
    case 'plain':
      return [];
  }
}

export function editorLanguageOf(language: string | null | undefined): EditorLanguage {
  return language === 'typescript' || language === 'javascript' || language === 'sql' ? language : 'plain';
}

const setMarkedLines = StateEffect.define<number[]>();
const markedLine = Decoration.line({ class: 'cm-marked-line' });

/** Lines that carry review comments, highlighted in the gutter's row. */
const markedLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setMarkedLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const lines = [...new Set(effect.value)].filter((line) => line >= 1 && line <= transaction.state.doc.lines);
      for (const line of lines.sort((a, b) => a - b)) {
        const at = transaction.state.doc.line(line).from;
        builder.add(at, at, markedLine);
      }
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
  '&': { fontSize: '14px', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { padding: '8px 0' },
  '.cm-marked-line': { backgroundColor: 'rgba(255, 196, 0, 0.18)' },
});

interface CodeEditorProps {
  /** The text; a change from outside (another language, a playback step) replaces the document. */
  value: string;
  language: EditorLanguage;
  /** Accessible name of the editor, e.g. "Solution code (TypeScript)". */
  label: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  minHeight?: string;
  maxHeight?: string;
  markedLines?: number[];
  /** Reports the line of the cursor (1-based), for line comments. */
  onCursorLine?: (line: number) => void;
  /**
   * A paste, or another insertion by the user of at least LARGE_INSERTION_CHARS characters (a drop, an
   * input method): the inserted text, for its size. Changes made through `value` are not reported.
   */
  onInsert?: (kind: 'paste' | 'large_insertion', text: string) => void;
}

/** An insertion at least this long that is not a paste is reported as large. */
export const LARGE_INSERTION_CHARS = 200;

/** CodeMirror 6 with the languages of Assay: JavaScript, TypeScript and PostgreSQL. */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const languageSlot = useRef(new Compartment());
  const editableSlot = useRef(new Compartment());
  const labelSlot = useRef(new Compartment());

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          theme,
          markedLines,
          languageSlot.current.of(languageExtension(props.language)),
          editableSlot.current.of([
            EditorState.readOnly.of(Boolean(props.readOnly)),
            EditorView.editable.of(!props.readOnly),
          ]),
          labelSlot.current.of(EditorView.contentAttributes.of({ 'aria-label': props.label })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
            if (update.selectionSet || update.docChanged) {
              callbacks.current.onCursorLine?.(update.state.doc.lineAt(update.state.selection.main.head).number);
            }
          }),
          EditorView.updateListener.of((update) => {
            for (const transaction of update.transactions) {
              if (!transaction.docChanged || !callbacks.current.onInsert) continue;
              const paste = transaction.isUserEvent('input.paste');
              if (!paste && !transaction.isUserEvent('input') && !transaction.isUserEvent('move.drop')) continue;
              let inserted = '';
              transaction.changes.iterChanges((_fromA, _toA, _fromB, _toB, text) => {
                inserted += text.toString();
              });
              if (paste) callbacks.current.onInsert('paste', inserted);
              else if (inserted.length >= LARGE_INSERTION_CHARS)
                callbacks.current.onInsert('large_insertion', inserted);
            }
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The editor is created once; the effects below keep it in step with the props.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== props.value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value } });
    }
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageExtension(props.language)) });
  }, [props.language]);

  // The name follows the props (it names the language, which the candidate may switch).
  useEffect(() => {
    view.current?.dispatch({
      effects: labelSlot.current.reconfigure(EditorView.contentAttributes.of({ 'aria-label': props.label })),
    });
  }, [props.label]);

  useEffect(() => {
    view.current?.dispatch({
      effects: editableSlot.current.reconfigure([
        EditorState.readOnly.of(Boolean(props.readOnly)),
        EditorView.editable.of(!props.readOnly),
      ]),
    });
  }, [props.readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: setMarkedLines.of(props.markedLines ?? []) });
  }, [props.markedLines, props.value]);

  return (
    <div
      className={`code-editor${props.readOnly ? ' code-editor-readonly' : ''}`}
      ref={host}
      style={{ minHeight: props.minHeight ?? '320px', maxHeight: props.maxHeight }}
    />
  );
}
