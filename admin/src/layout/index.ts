/**
 * layout/: the console's frame — app bar, menu, the environment banner (TEST, PROD), the sign-in
 * page with the second factor, themes, the keyboard shortcuts' help, recovery codes. A resource's
 * screens live in its own folder; pages reached without signing in are auth/.
 */
export { AppBar } from './AppBar';
export { EnvironmentBanner } from './EnvironmentBanner';
export { Layout } from './Layout';
export { Login } from './Login';
export { Menu } from './Menu';
export { lightTheme } from './themes';
