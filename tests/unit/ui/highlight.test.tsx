// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Highlight } from '@/components/Highlight';
import { createHighlighter } from '@/utils/highlight';
import { createDismissUndo } from '@/utils/stores/dismiss-undo';
import { createNoticeStore } from '@/utils/stores/notice';

afterEach(cleanup);

describe('marking search matches', () => {
  it('marks words by stem and the word being typed by prefix', () => {
    const h = createHighlighter('samenwerking beleid')!;
    const parts = h.parts('Ervaringen met samenwerken in beleidsnotities');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['samenwerken', 'beleidsnotities']);
  });

  it('joins back to the text unchanged, whatever the text and query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 30 }), (text, query) => {
        const h = createHighlighter(query);
        if (!h) return;
        expect(
          h
            .parts(text)
            .map((p) => p.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });

  it('renders marks as elements holding text, never markup', () => {
    const text = '<img src=x onerror=alert(1)> samenwerken';
    const { container } = render(
      <Highlight text={text} highlighter={createHighlighter('img samenwerking')} />,
    );
    expect(container.textContent).toBe(text);
    expect(container.querySelectorAll('img').length).toBe(0);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['img', 'samenwerken']);
  });
});

describe('undo and notices', () => {
  it('sends a dismissal only after the undo window, and never after undo', () => {
    vi.useFakeTimers();
    try {
      const sent: string[] = [];
      const undo = createDismissUndo((id) => void sent.push(id), 1000);
      undo.hide('a');
      undo.hide('b');
      expect(undo.pending.value.has('a')).toBe(true);
      undo.undo('a');
      vi.advanceTimersByTime(1000);
      expect(sent).toEqual(['b']);
      undo.hide('c');
      undo.flush();
      expect(sent).toEqual(['b', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a notice with its action, which runs once', async () => {
    const { Toast } = await import('@/components/Toast');
    const notices = createNoticeStore();
    const run = vi.fn();
    notices.show({ text: 'Verborgen: X', kind: 'ok', action: { label: 'Ongedaan maken', run } });
    render(<Toast store={notices} />);
    fireEvent.click(screen.getByTestId('toast-action'));
    expect(run).toHaveBeenCalledTimes(1);
    expect(notices.current.value).toBeUndefined();
  });
});
