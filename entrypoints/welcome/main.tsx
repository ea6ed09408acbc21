import { render } from 'preact';
import '@/components/styles.css';
import { WelcomeApp } from '@/components/WelcomeApp';
import { interfaceLanguage, setInterfaceLanguage, t } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';

async function start() {
  setInterfaceLanguage((await getSettings().catch(() => undefined))?.uiLanguage ?? 'auto');
  document.documentElement.lang = interfaceLanguage();
  document.title = t('welcomeTitle');
  const commands = await browser.commands?.getAll?.().catch(() => []);
  const shortcut = commands?.find((c) => c.name === 'save-page')?.shortcut || undefined;
  render(
    <WelcomeApp shortcut={shortcut} openOptions={() => void browser.runtime.openOptionsPage()} />,
    document.getElementById('app')!,
  );
}

void start();
