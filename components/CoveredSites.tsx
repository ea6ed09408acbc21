/**
 * The sites Leesmap reads by default (utils/publishers.ts) and those the reader added, with a field
 * to add one more (the site of the tab the options came from is filled in). Adding asks the browser
 * for that site's permission first.
 */
import { useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { PUBLISHERS } from '@/utils/publishers';
import { siteHost, type Settings } from '@/utils/settings';

export interface CoveredSitesProps {
  settings: Settings;
  apply: (changes: Partial<Settings>) => Promise<void>;
  requestSite?: (host: string) => Promise<boolean>;
  currentSite?: string;
  say: (message: string) => void;
}

function AddSite({ settings, apply, requestSite, currentSite, say }: CoveredSitesProps) {
  const [text, setText] = useState(currentSite ?? '');
  if (!requestSite) return null;
  return (
    <form
      class="inline-row add-site"
      onSubmit={(e) => {
        e.preventDefault();
        const host = siteHost(text);
        if (!host) return say(t('optionsSiteInvalid'));
        // The permission prompt must come straight from the click.
        void requestSite(host).then((granted) =>
          granted
            ? apply({ extraSites: [...settings.extraSites, host] }).then(() => setText(''))
            : say(t('optionsPermissionDenied')),
        );
      }}
    >
      <label for="add-site">{t('optionsAddSite')}</label>
      <input
        id="add-site"
        type="text"
        data-testid="add-site"
        value={text}
        placeholder="example.org"
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" data-testid="add-site-button">
        {t('optionsAddSiteButton')}
      </button>
    </form>
  );
}

export function CoveredSites(props: CoveredSitesProps) {
  const { settings, apply } = props;
  return (
    <div class="covered-sites">
      <details data-testid="covered-sites">
        <summary>{t('optionsCoveredSites', formatNumber(PUBLISHERS.length))}</summary>
        <ul class="site-list">
          {PUBLISHERS.map((p) => (
            <li key={p.name}>
              {p.name} <span class="muted small">{p.hosts.join(', ')}</span>
            </li>
          ))}
        </ul>
      </details>
      {settings.extraSites.length > 0 && (
        <ul class="site-list own" data-testid="extra-sites" aria-label={t('optionsExtraSites')}>
          {settings.extraSites.map((host) => (
            <li key={host}>
              {host}{' '}
              <button
                type="button"
                class="link-button"
                onClick={() => void apply({ extraSites: settings.extraSites.filter((h) => h !== host) })}
              >
                {t('removeButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddSite {...props} />
    </div>
  );
}
