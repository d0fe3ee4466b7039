import { useEffect } from 'react';

/** Names the browser tab after the screen, for people with many tabs and for screen readers. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Assay`;
  }, [title]);
}
