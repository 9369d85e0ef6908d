import type { EventsApi } from '../../../../shared/api/features/events.ts';
import type { AppContext } from '../appContext.ts';

/** Host side of the Events slice of the API. */
export function createEventsService(_ctx: AppContext): EventsApi {
  return {};
}
