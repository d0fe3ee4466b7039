import { useEffect, useState } from 'react';
import type { PlaybackSnapshot } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { CodeEditor, editorLanguageOf } from '../ui/code-editor.js';
import { RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

function elapsed(from: string, to: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `+${minutes} min ${seconds % 60} s` : `+${seconds} s`;
}

/** How the answer took shape: a slider over the autosave snapshots, and play to watch it. */
export function PlaybackPanel({ sessionId, itemId, title }: { sessionId: string; itemId: string; title: string }) {
  const snapshots = useRequest(() => staffApi.playback(sessionId, itemId), [sessionId, itemId]);
  return (
    <section className="playback" aria-labelledby={`playback-${itemId}`}>
      <h3 id={`playback-${itemId}`}>Playback</h3>
      <RequestView
        request={snapshots}
        loading="Loading snapshots…"
        route="GET /api/v1/sessions/:id/items/:itemId/playback"
      >
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No snapshots: nothing was saved on this item.</p>
          ) : (
            <Player snapshots={list} title={title} />
          )
        }
      </RequestView>
    </section>
  );
}

function Player({ snapshots, title }: { snapshots: PlaybackSnapshot[]; title: string }) {
  const [index, setIndex] = useState(snapshots.length - 1);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((current) => {
        if (current >= snapshots.length - 1) {
          setPlaying(false);
          return current;
        }
        return current + 1;
      });
    }, 700);
    return () => clearInterval(timer);
  }, [playing, snapshots.length]);

  const snapshot = snapshots[Math.min(index, snapshots.length - 1)];
  const first = snapshots[0];
  const text =
    typeof snapshot.code === 'string' ? snapshot.code : snapshot.answer ? JSON.stringify(snapshot.answer, null, 2) : '';
  return (
    <div>
      <div className="playback-controls">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            if (index >= snapshots.length - 1) setIndex(0);
            setPlaying((value) => !value);
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="playback-slider">
          <span className="visually-hidden">Snapshot</span>
          <input
            type="range"
            min={0}
            max={snapshots.length - 1}
            value={index}
            aria-valuetext={`Snapshot ${index + 1} of ${snapshots.length}, ${new Date(snapshot.at).toLocaleTimeString()}`}
            onChange={(event) => {
              setPlaying(false);
              setIndex(Number(event.target.value));
            }}
          />
        </label>
        <span className="muted small playback-position">
          {index + 1} / {snapshots.length} · {new Date(snapshot.at).toLocaleTimeString()} (
          {elapsed(first.at, snapshot.at)})
        </span>
      </div>
      <CodeEditor
        value={text}
        language={typeof snapshot.code === 'string' ? editorLanguageOf(snapshot.language) : 'plain'}
        label={`Snapshot ${index + 1} of ${title}`}
        readOnly
        minHeight="200px"
        maxHeight="420px"
      />
    </div>
  );
}
