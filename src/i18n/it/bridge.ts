import type { bridge as en } from '../en/bridge.js';

export const bridge: Record<keyof typeof en, string> = {
  'bridge.caseMember': '🛡️ *Caso #{number}* · {action} {target} · da {moderator}{reason}',
  'bridge.caseChannel': '🛡️ *Caso #{number}* · {action} in un canale · da {moderator}{reason}',
  'bridge.automod': 'automod ({rule})',
  'bridge.aModerator': 'un moderatore',
  'bridge.aMember': 'un membro',
  'bridge.report': '🚩 *Nuova segnalazione* su un messaggio: “{content}” · <{link}|apri in Discord>',
  'bridge.burst': '🚨 *Ondata di automod* · escalation #{number} aperta: {summary}{where}',
  'bridge.burstAlert': ' L’allerta è in {channel}.',
  'bridge.batchTitle': '🛡️ Discord: {count} eventi di moderazione',
  'bridge.more': 'e altri {count}',

  'discordLink.code': '🔗 Codice di collegamento per *{brand}*: `{code}` (vale una volta, fino a {until}).',
  'discordLink.how': 'In Discord, un amministratore del server esegue `/setup code:{code}` per collegare il server a questo marchio. Così /escalate lì avvisa gli strategist qui, e le notizie di moderazione arrivano nel canale della community.',
  'discordLink.parse.what': '`/tandem discord` accetta `link` (ricevuto “{got}”).',
};
