import type { bridge as en } from '../en/bridge.js';

export const bridge: Record<keyof typeof en, string> = {
  'bridge.caseMember': '🛡️ *Caso #{number}* · {action} {target} · por {moderator}{reason}',
  'bridge.caseChannel': '🛡️ *Caso #{number}* · {action} en un canal · por {moderator}{reason}',
  'bridge.automod': 'automod ({rule})',
  'bridge.aModerator': 'un moderador',
  'bridge.aMember': 'un miembro',
  'bridge.report': '🚩 *Nueva denuncia* sobre un mensaje: “{content}” · <{link}|abrir en Discord>',
  'bridge.burst': '🚨 *Ráfaga de automod* · escalado #{number} abierto: {summary}{where}',
  'bridge.burstAlert': ' La alerta está en {channel}.',
  'bridge.batchTitle': '🛡️ Discord: {count} eventos de moderación',
  'bridge.more': 'y {count} más',

  'discordLink.code': '🔗 Código de enlace para *{brand}*: `{code}` (sirve una vez, hasta {until}).',
  'discordLink.how': 'En Discord, un administrador del servidor ejecuta `/setup code:{code}` para enlazar el servidor con esta marca. Así /escalate allí avisa a los estrategas aquí, y las noticias de moderación llegan al canal de comunidad.',
  'discordLink.parse.what': '`/tandem discord` admite `link` (recibido “{got}”).',
};
