import type { moderation as en } from '../en/moderation.js';

export const moderation: Record<keyof typeof en, string> = {
  'moderation.badDuration': '"{text}" no es una duración. Usa por ejemplo 10m, 1h, 1d o 1h30m.',
  'moderation.durationTooLong': '"{text}" es demasiado largo: el máximo es {max}.',
  'moderation.caseNotFound': 'No existe el caso #{number} en este servidor.',
  'automod.badSetting': '"{text}" no es un valor válido para la regla {rule}. Ejemplo: {example}.',
  'automod.tooManyPunishments': 'Como máximo {max} escalones de castigo: quita uno primero (acción: off).',
  'report.notFound': 'El reporte #{id} no existe aquí.',
  'report.alreadyHandled': '<@{handledBy}> ya gestionó el reporte #{id} ({status}).',
  'guild.linkCodeUnknown': 'Ese código de enlace no existe. En Slack, un admin de la marca ejecuta `/tandem discord link` para obtener uno.',
  'guild.linkCodeUsed': 'Ese código de enlace ya se usó. Pide uno nuevo con `/tandem discord link` en Slack.',
  'guild.linkCodeExpired': 'Ese código de enlace caducó (duran 30 minutos). Pide uno nuevo con `/tandem discord link` en Slack.',
  'guild.setupNeeded': 'Este servidor aún no está enlazado a una marca. Un admin del servidor puede ejecutar `/setup code:…` con un código de `/tandem discord link` en Slack.',
};
