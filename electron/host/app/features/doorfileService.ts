import type { DoorfileApi } from '../../../../shared/api/features/doorfile.ts';
import type { AppContext } from '../appContext.ts';

/** Host side of the Doorfile slice of the API. */
export function createDoorfileService(_ctx: AppContext): DoorfileApi {
  return {};
}
