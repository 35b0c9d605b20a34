"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { focusRing, secondaryButtonClass } from "@/components/ui/styles";
import { cardActionOrder, outcomeActions, type CardMeeting } from "@/lib/meetings/card-actions";
import type { LifecycleAction } from "@/lib/meetings/transitions";
import { HistoryFeed } from "./history-feed";
import { preloadMeetingDialogs, useOpenMeetingDialog } from "./meeting-dialogs";

const smallButton = `${secondaryButtonClass} px-2.5 py-1.5`;
const historyButton = `ml-auto inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 ${focusRing}`;

/**
 * A meeting card's interactive part: exactly the actions the transition table allows now (the outcome
 * ones beside "Awaiting outcome" when one is missing), each in a dialog, and the meeting's history.
 */
export function MeetingActions(props: { meeting: CardMeeting; allowed: LifecycleAction[]; awaitingOutcome: boolean; cardId: string; titleId: string }) {
  const { meeting, allowed } = props;
  const t = useTranslations("meetings");
  const openDialog = useOpenMeetingDialog();
  const [historyOpen, setHistoryOpen] = useState(false);
  const historyId = useId();

  const besideOutcome = props.awaitingOutcome ? cardActionOrder.filter((action) => allowed.includes(action) && outcomeActions.includes(action)) : [];
  const inRow = cardActionOrder.filter((action) => allowed.includes(action) && !besideOutcome.includes(action));

  const actionButton = (action: LifecycleAction) => (
    <button
      key={action}
      type="button"
      aria-haspopup="dialog"
      aria-describedby={props.titleId}
      onPointerEnter={preloadMeetingDialogs}
      onFocus={preloadMeetingDialogs}
      onClick={(event) => openDialog({ meeting, action, trigger: event.currentTarget, cardId: props.cardId })}
      className={`${smallButton} ${action === "cancel" ? "text-red-700" : ""}`}
    >
      {t(`actions.${action}`)}
    </button>
  );

  return (
    <>
      {props.awaitingOutcome && (
        <div className="mt-4 flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-amber-900">
            <span className="font-semibold">{t("card.awaitingOutcome")}</span>
            <span> · {t("card.awaitingOutcomeHint")}</span>
          </p>
          {besideOutcome.length > 0 && <div className="flex shrink-0 flex-wrap gap-2">{besideOutcome.map(actionButton)}</div>}
        </div>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
        {inRow.map(actionButton)}
        <button
          type="button"
          aria-expanded={historyOpen}
          aria-controls={historyId}
          aria-describedby={props.titleId}
          onClick={() => setHistoryOpen(!historyOpen)}
          className={historyButton}
        >
          {t("card.history")}
          <span aria-hidden className={`text-xs transition-transform ${historyOpen ? "rotate-180" : ""}`}>
            ▾
          </span>
        </button>
      </div>
      <div id={historyId} hidden={!historyOpen} className="mt-3 rounded-lg bg-slate-50 p-3" data-testid="meeting-history">
        {historyOpen && <HistoryFeed scope={{ meetingId: meeting.id }} emptyText={t("card.noHistory")} />}
      </div>
    </>
  );
}
