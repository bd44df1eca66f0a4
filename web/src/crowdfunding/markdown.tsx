/** A project's description: Markdown rendered as elements, never as HTML. */
import type { ComponentChildren } from 'preact';
import { parseMarkdown } from '../../../worker/domain/crowdfunding';
import type { Block, Inline } from '../../../worker/domain/crowdfunding';

function InlineNodes({ nodes }: { nodes: Inline[] }): ComponentChildren {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'strong':
        return (
          <strong key={i}>
            <InlineNodes nodes={n.c} />
          </strong>
        );
      case 'em':
        return (
          <em key={i}>
            <InlineNodes nodes={n.c} />
          </em>
        );
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            <InlineNodes nodes={n.c} />
          </a>
        );
      default:
        return n satisfies never;
    }
  });
}

/** Markdown rendered as elements from a parsed tree: nothing in it can become HTML or script. */
export function Markdown({ source }: { source: string }) {
  const blocks: Block[] = parseMarkdown(source);
  return (
    <div class="markdown">
      {blocks.map((b, i) => {
        if (b.t === 'h') {
          const H = `h${b.level + 1}` as 'h3' | 'h4' | 'h5';
          return (
            <H key={i}>
              <InlineNodes nodes={b.c} />
            </H>
          );
        }
        if (b.t === 'p')
          return (
            <p key={i}>
              <InlineNodes nodes={b.c} />
            </p>
          );
        const L = b.t;
        return (
          <L key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <InlineNodes nodes={item} />
              </li>
            ))}
          </L>
        );
      })}
    </div>
  );
}
