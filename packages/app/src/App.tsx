import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { overviewModule } from './modules/overview';
import { signInModule } from './modules/signIn';

// Every other plugin in package.json is discovered (app.packages: all).
export default createApp({
  features: [catalogPlugin, navModule, overviewModule, signInModule],
});
