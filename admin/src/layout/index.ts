export { AppBar } from './AppBar';
export { EnvironmentBanner } from './EnvironmentBanner';
export { Layout } from './Layout';
export { Login } from './Login';
export { Menu } from './Menu';
export { lightTheme } from './themes';
