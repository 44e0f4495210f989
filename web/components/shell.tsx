import { A, createAsync, useAction, useNavigate } from '@solidjs/router'
import { Show, type JSX } from 'solid-js'
import { getMe, isStaff, signOut } from '../api/session'
import { lang, setLang, t } from '../i18n'

export function Shell(props: { children: JSX.Element }) {
  const me = createAsync(() => getMe())
  const doSignOut = useAction(signOut)
  const navigate = useNavigate()
  const out = async () => {
    await doSignOut()
    navigate('/')
  }
  return (
    <>
      <a class="skip" href="#main">{t('nav.skip')}</a>
      <header class="top">
        <A href="/" class="brand" end>{t('app.name')}</A>
        <nav class="top-nav" aria-label="Menu">
          <Show when={me()?.role === 'participant'}>
            <A href="/luot-thi-cua-toi" class="wide-only">{t('nav.mine')}</A>
          </Show>
          <Show when={isStaff(me()?.role)}>
            {/* On a phone the console's link is in the user menu: brand, link, name and language overflowed 390 px. */}
            <A href="/quan-tri" class="wide-only">{t('nav.console')}</A>
          </Show>
          <Show when={me()?.role === 'coordinator'}>
            <A href="/dieu-phoi" class="wide-only">{t('nav.coordinator')}</A>
          </Show>
          <Show when={me() === null}>
            <A href="/dang-nhap">{t('nav.signIn')}</A>
          </Show>
          <Show when={me()}>
            {(user) => (
              <details class="user-menu">
                <summary><span class="user-name">{user().name}</span></summary>
                <div class="menu" onClick={(e) => { (e.currentTarget.parentElement as HTMLDetailsElement).open = false }}>
                  <Show when={user().role === 'participant'}>
                    <A href="/luot-thi-cua-toi">{t('nav.mine')}</A>
                    <A href="/doi-mat-khau">{t('nav.password')}</A>
                  </Show>
                  <Show when={isStaff(user().role)}>
                    <A href="/quan-tri">{t('nav.console')}</A>
                    <A href="/doi-mat-khau">{t('nav.password')}</A>
                  </Show>
                  <Show when={user().role === 'coordinator'}>
                    <A href="/dieu-phoi">{t('nav.coordinator')}</A>
                    <A href="/doi-mat-khau">{t('nav.password')}</A>
                  </Show>
                  <button type="button" class="link" onClick={out}>{t('nav.signOut')}</button>
                </div>
              </details>
            )}
          </Show>
          <button type="button" class="lang" lang={lang() === 'vi' ? 'en' : 'vi'} aria-label={t('nav.lang')} title={t('nav.lang')}
            onClick={() => setLang(lang() === 'vi' ? 'en' : 'vi')}>
            {lang() === 'vi' ? 'EN' : 'VI'}
          </button>
        </nav>
      </header>
      <main id="main" tabindex="-1">{props.children}</main>
    </>
  )
}
