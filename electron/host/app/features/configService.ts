import type { ConfigApi } from '../../../../shared/api/features/config.ts';
import type { AppContext } from '../appContext.ts';

/** Host side of the Config slice of the API. */
export function createConfigService(_ctx: AppContext): ConfigApi {
  return {};
}
