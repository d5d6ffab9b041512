// Localized text for the quiz webview and the grade intervals (vscode.l10n, English source strings).
import * as vscode from 'vscode';
import { HISTORY_DAYS, RETENTION_WINDOW_DAYS } from './stats';
import type { UiStrings } from './webview/messages';

export function quizUiStrings(): UiStrings {
  const t = vscode.l10n.t;
  return {
    title: t('Quiz'),
    showAnswer: t('Show answer'),
    editInNote: t('Edit in note'),
    bury: t('Bury until tomorrow'),
    suspend: t('Suspend'),
    again: t('Again'),
    hard: t('Hard'),
    good: t('Good'),
    easy: t('Easy'),
    next: t('Next'),
    answer: t('Answer'),
    openSourceUrl: t('Open in browser'),
    staleBadge: t('May be outdated ({0})'),
    inNote: t('Your note: {0}'),
    now: t('Now: {0}'),
    from: t('Open the note this question came from'),
    changeScope: t('Change scope'),
    stats: t('Stats'),
    backToQuiz: t('Back to quiz'),
    reload: t('Check for more cards'),
    left: t('{0} left'),
    done: t('All done for now'),
    doneDetail: t('{0} card(s) reviewed in this session.'),
    empty: t('No cards are due in this scope.'),
    keysBeforeReveal: t('Space: show answer · 1–9: pick a choice · E: edit in note · B: bury · !: suspend · S: stats'),
    keysAfterReveal: t('1 Again · 2 Hard · 3 Good · 4 Easy'),
    keysAfterGrade: t('Enter: next card'),
    correct: t('correct'),
    incorrect: t('your choice'),
    dueToday: t('Due today'),
    reviewedToday: t('Reviewed today'),
    trueRetention: t('True retention'),
    trueRetentionDetail: t('Share of {0} due review(s) not graded Again'),
    streak: t('Streak'),
    streakDays: t('{0} day(s)'),
    service: t('Service'),
    cards: t('Cards'),
    noData: t('—'),
    reviewsPerDay: t('Reviews per day (last {0} days)', HISTORY_DAYS),
    reviewsOn: t('{0}: {1} review(s)'),
    retentionOverTime: t('True retention over time ({0}-day window)', RETENTION_WINDOW_DAYS),
    retentionOn: t('{0}: {1}'),
  };
}

/** "10m", "3d", "2mo" style (Korean: "10분", "3일", "2개월"). */
export function formatInterval(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) {
    return vscode.l10n.t('<1m');
  }
  if (minutes < 60) {
    return vscode.l10n.t('{0}m', minutes);
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return vscode.l10n.t('{0}h', hours);
  }
  const days = Math.round(hours / 24);
  if (days < 30) {
    return vscode.l10n.t('{0}d', days);
  }
  if (days < 365) {
    return vscode.l10n.t('{0}mo', Math.round(days / 30));
  }
  return vscode.l10n.t('{0}y', Math.round((days / 365) * 10) / 10);
}
