// @vitest-environment happy-dom
/**
 * The Zotero button and options as a reader meets them: the permission is asked from the click,
 * before anything is sent; a refusal sends nothing; each failure reads as its own sentence.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZoteroOptions, ZoteroSend } from '@/components/ZoteroSend';
import { setInterfaceLanguage } from '@/utils/i18n';
import { MessageError } from '@/utils/messages';
import type { SendResult } from '@/utils/zotero/connector';
import { fakeSyncPorts } from './sync-fakes';

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

const PDF = 'https://www.rand.org/content/dam/rand/pubs/RR.pdf';

function renderSend(options: {
  grant?: boolean;
  send?: (pdf: boolean) => Promise<SendResult>;
  pdfs?: string[];
}) {
  const request = vi.fn(async () => options.grant ?? true);
  const send = vi.fn(options.send ?? (async () => ({ saved: 1, attached: 0, pdfMissing: 0 })));
  render(
    <ZoteroSend
      label={() => 'Send to Zotero'}
      idPrefix="popup"
      pdfUrls={() => options.pdfs ?? []}
      send={send}
      request={request}
    />,
  );
  return { request, send };
}

describe('Send to Zotero', () => {
  it('asks for the Zotero host, then sends and says so', async () => {
    const { request, send } = renderSend({});
    fireEvent.click(screen.getByTestId('popup-zotero-send'));
    expect(request).toHaveBeenCalledWith(['http://127.0.0.1:23119/*']);
    expect(await screen.findByText('Sent to Zotero: 1.')).toBeTruthy();
    expect(send).toHaveBeenCalledWith(false);
    expect(screen.queryByTestId('popup-zotero-pdf')).toBeNull();
  });

  it('asks for the PDF\'s host too when the reader ticks "Attach the PDF"', async () => {
    const { request, send } = renderSend({
      pdfs: [PDF],
      send: async () => ({ saved: 1, attached: 1, pdfMissing: 0 }),
    });
    fireEvent.click(screen.getByLabelText('Attach the PDF'));
    fireEvent.click(screen.getByTestId('popup-zotero-send'));
    expect(request).toHaveBeenCalledWith(['http://127.0.0.1:23119/*', 'https://www.rand.org/*']);
    expect(await screen.findByText('Sent to Zotero: 1. PDFs attached: 1.')).toBeTruthy();
    expect(send).toHaveBeenCalledWith(true);
  });

  it('sends nothing when the reader refuses the permission', async () => {
    const { send } = renderSend({ grant: false });
    fireEvent.click(screen.getByTestId('popup-zotero-send'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/may not reach Zotero/);
    expect(send).not.toHaveBeenCalled();
  });

  it.each([
    ['zotero:not-running', /Zotero is not running/],
    ['zotero:read-only', /read-only/],
    ['zotero:session-exists', /still busy with an earlier save/],
    ['zotero:failed', /could not save this/],
  ])('tells the reader %s', async (code, text) => {
    renderSend({ send: async () => Promise.reject(new MessageError('x', code)) });
    fireEvent.click(screen.getByTestId('popup-zotero-send'));
    expect((await screen.findByRole('alert')).textContent).toMatch(text);
  });
});

describe('Zotero in the options', () => {
  it('turns Zotero on by asking for its host, and off by giving it back', async () => {
    let granted = false;
    const request = vi.fn(async () => (granted = true));
    const remove = vi.fn(async () => !(granted = false));
    render(
      <ZoteroOptions
        enabled={async () => granted}
        request={request}
        remove={remove}
        last={async () => undefined}
        sync={fakeSyncPorts()}
      />,
    );
    expect((await screen.findByTestId('zotero-options-state')).textContent).toMatch(/^Off/);
    expect(screen.getByTestId('zotero-options-hosts').textContent).toBe('—');
    fireEvent.click(screen.getByText('Turn Zotero on'));
    await waitFor(() => expect(screen.getByTestId('zotero-options-state').textContent).toMatch(/^On/));
    expect(request).toHaveBeenCalledWith(['http://127.0.0.1:23119/*']);
    expect(screen.getByTestId('zotero-options-hosts').textContent).toBe('http://127.0.0.1:23119');
    fireEvent.click(screen.getByText('Turn Zotero off'));
    await waitFor(() => expect(screen.getByTestId('zotero-options-state').textContent).toMatch(/^Off/));
    expect(remove).toHaveBeenCalledWith(['http://127.0.0.1:23119/*']);
  });

  it('shows what the last send (from the context menu too) came to', async () => {
    render(
      <ZoteroOptions
        enabled={async () => true}
        request={async () => true}
        remove={async () => true}
        last={async () => ({ at: Date.UTC(2026, 11, 5), problem: 'not-running' })}
        sync={fakeSyncPorts()}
      />,
    );
    expect((await screen.findByTestId('zotero-options-last')).textContent).toMatch(/Zotero is not running/);
  });
});
