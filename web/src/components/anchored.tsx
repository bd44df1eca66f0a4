/**
 * A layer pinned next to an element with `position: fixed`, so no scrolling box, clipped cell
 * or sticky footer can hide it: below the anchor when there is room above the footer, else
 * above it. It follows the anchor when the page scrolls or resizes.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Place {
  left: number;
  top?: number;
  bottom?: number;
  minWidth: number;
  maxHeight: number;
}

/** The top of whatever is fixed to the bottom of the screen (the totals bar), or the viewport's. */
function floor(): number {
  const bar = document.querySelector('.totals-bar');
  return bar ? Math.min(window.innerHeight, bar.getBoundingClientRect().top) : window.innerHeight;
}

export function Anchored(props: {
  anchor: () => HTMLElement | null;
  children: ComponentChildren;
  class?: string;
  id?: string;
  role?: string;
  'aria-label'?: string;
  /** Wants this much room below before it opens above instead. */
  preferHeight?: number;
  matchWidth?: boolean;
}) {
  const [place, setPlace] = useState<Place | null>(null);
  const self = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const update = () => {
      const a = props.anchor();
      if (!a) return;
      const r = a.getBoundingClientRect();
      const below = floor() - r.bottom - 8;
      const above = r.top - 8;
      const want = props.preferHeight ?? 200;
      const width = props.matchWidth ? r.width : 0;
      const left = Math.max(4, Math.min(r.left, window.innerWidth - Math.max(width, 240) - 4));
      setPlace(
        below >= want || below >= above
          ? { left, top: r.bottom + 4, minWidth: width, maxHeight: Math.max(80, below) }
          : { left, bottom: window.innerHeight - r.top + 4, minWidth: width, maxHeight: Math.max(80, above) },
      );
    };
    update();
    addEventListener('scroll', update, true);
    addEventListener('resize', update);
    return () => {
      removeEventListener('scroll', update, true);
      removeEventListener('resize', update);
    };
  }, []);
  const style = place
    ? {
        position: 'fixed',
        left: `${place.left}px`,
        ...(place.top !== undefined ? { top: `${place.top}px` } : { bottom: `${place.bottom}px` }),
        ...(place.minWidth ? { width: `${place.minWidth}px` } : {}),
        maxHeight: `${Math.min(place.maxHeight, 360)}px`,
      }
    : { position: 'fixed', visibility: 'hidden' };
  return (
    // tabIndex -1: a scrolling layer would otherwise be a Tab stop of its own (Chrome makes
    // scrollable boxes focusable), and the focus would vanish with it when it closes.
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role comes from the caller (listbox, dialog) with its label
    <div
      ref={self}
      tabIndex={-1}
      class={`anchored ${props.class ?? ''}`}
      id={props.id}
      role={props.role as never}
      aria-label={props['aria-label']}
      style={style as never}
    >
      {props.children}
    </div>
  );
}
