/**
 * The first-run page: pin the toolbar icon, the save shortcut, the sites Leesmap reads, and what
 * stays on this machine. Opened once on install (the background's runtime.onInstalled).
 */
import { formatNumber, t } from '@/utils/i18n';
import { PUBLISHERS } from '@/utils/publishers';

export interface WelcomeAppProps {
  /** The save shortcut as the browser has it ("Alt+Shift+S"), or undefined when unset. */
  shortcut?: string;
  openOptions: () => void;
}

function Step({ n, title, children }: { n: number; title: string; children: preact.ComponentChildren }) {
  return (
    <li class="welcome-step">
      <h2>
        <span class="step-number" aria-hidden="true">
          {n}
        </span>
        {title}
      </h2>
      {children}
    </li>
  );
}

export function WelcomeApp({ shortcut, openOptions }: WelcomeAppProps) {
  return (
    <div class="page welcome" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeLead')}</p>
      <ol class="welcome-steps">
        <Step n={1} title={t('welcomePinTitle')}>
          <p>{t('welcomePinText')}</p>
        </Step>
        <Step n={2} title={t('welcomeSaveTitle')}>
          <p data-testid="welcome-shortcut">
            {shortcut ? t('welcomeSaveShortcut', shortcut) : t('welcomeSaveNoShortcut')}
          </p>
        </Step>
        <Step n={3} title={t('welcomeSitesTitle', formatNumber(PUBLISHERS.length))}>
          <p>{t('welcomeSitesText')}</p>
          <p class="site-names">{PUBLISHERS.map((p) => p.name).join(' · ')}</p>
          <p>
            <button type="button" class="link-button" onClick={openOptions}>
              {t('welcomeSitesMore')}
            </button>
          </p>
        </Step>
        <Step n={4} title={t('welcomePrivacyTitle')}>
          <p>{t('welcomePrivacyText')}</p>
        </Step>
      </ol>
    </div>
  );
}
