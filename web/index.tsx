import { render } from 'solid-js/web'
import { App } from './app'
import { lang } from './i18n'
import './styles.css'

document.documentElement.lang = lang()
render(() => <App />, document.getElementById('root')!)
