import type { DeployApi } from '../../../../shared/api/features/deploy.ts';
import type { AppContext } from '../appContext.ts';

/** Host side of the Deploy slice of the API. */
export function createDeployService(_ctx: AppContext): DeployApi {
  return {};
}
