import { describe, expect, it } from 'vitest';
import { errorMessage, setInterfaceLanguage } from '@/utils/i18n';
import { MessageError } from '@/utils/messages';
import { StorageError } from '@/utils/db';

describe('errorMessage', () => {
  it('tells the reader in their language when storage is full, and that nothing was lost', () => {
    setInterfaceLanguage('en');
    const quota = new StorageError('quota', 'QuotaExceededError: internal detail');
    expect(errorMessage(quota)).toMatch(/not enough storage space/i);
    expect(errorMessage(quota)).toMatch(/nothing already saved was changed/i);
    setInterfaceLanguage('nl');
    expect(errorMessage(quota)).toMatch(/niet genoeg opslagruimte/i);
  });

  it('translates reason codes that crossed the message boundary', () => {
    setInterfaceLanguage('nl');
    expect(errorMessage(new MessageError('Database blocked', 'blocked'))).toMatch(/ander Leesmap-tabblad/);
    setInterfaceLanguage('en');
    expect(errorMessage(new MessageError('Version', 'version'))).toMatch(/newer version of Leesmap/);
  });

  it('falls back to the error text for unknown failures', () => {
    setInterfaceLanguage('en');
    expect(errorMessage(new Error('Tab was closed'))).toBe('Tab was closed');
    expect(errorMessage('plain')).toBe('plain');
  });
});
