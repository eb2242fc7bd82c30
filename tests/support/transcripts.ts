/** Fictional transcripts in the three accepted forms, for the transcript tests and fuzz seeds. */
export const FICTIONAL_SRT =
  '1\r\n00:00:01,500 --> 00:00:04,000\r\nАйбек: Саламатсызбы, баары жакшыбы?\r\n\r\n2\r\n00:00:04,200 --> 00:00:07,000\r\n<i>Бүгүн жолугабыз.</i>\r\nЭртең эмес.\r\n';

export const FICTIONAL_VTT =
  'WEBVTT - fictional call\n\nSTYLE\n::cue { color: yellow }\n\nNOTE transcribed by hand\n\nintro\n00:01.000 --> 00:03.250 align:start\n<v Мария>Добрый день &amp; до свидания\n\n00:00:05.000 --> 00:00:06.000\nBye.\n';

export const FICTIONAL_TIMECODED =
  'Запись разговора (вымышленная)\n[00:00:03] Иван: Где встречаемся?\n[00:00:07 - 00:00:09] Пётр: У магазина.\nпотом пойдём дальше\n[1:02:03.5] Иван: Хорошо.\n';
