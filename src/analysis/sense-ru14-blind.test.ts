// Russian recall and sense, round 14 (issue 14), calls and violence from blind text: what the
// blind batches of rounds 12–14 showed missing — people hanged or crushed named by everyday verbs
// (вешать их надо, давить, как клопов), threats without a word of violence (ты за это ответишь;
// я знаю, где ты живёшь), «пора» + infinitive as a call. Each condition is data in
// sop/lexicons/ru/violence.yaml or call-to-action.yaml; each table holds the ordinary uses that must
// stay clean beside the genuine ones. Sentences are fictional.
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

condition('hanging or crushing people, not curtains, juice or pressure (new entry)', [
  ['violence', 'Вешать их надо, этих торгашей, на каждом фонаре.', ['Вешать']],
  ['violence', 'Лорданцев вешать надо, а не разговаривать с ними.', ['вешать']],
  ['violence', 'Предателей повесили на площади.', ['повесили']],
  ['violence', 'Этих тварей надо давить, как клопов.', ['давить']],
  ['violence', 'Надо вешать шторы в спальне, а карнизы ещё не купили.', []],
  ['violence', 'Повесь его куртку на крючок.', []],
  ['violence', 'Картины его повесили в холле.', []],
  ['violence', 'Сок из лимона удобнее давить прессом.', []],
  ['violence', 'Начальник на него давит, а она давит на жалость.', []],
  ['violence', 'Не вешай на него всех собак.', []],
  ['violence', 'Не хочу вот опять давить, торопить тебя.', []],
  ['violence', 'Мне сделали фигурку, и скоро я его повешу.', []],
  ['violence', 'Всё лето давили клопов и мух.', []],
  ['violence', 'Пленных повесили на рассвете у ворот крепости.', ['повесили']],
  ['violence', 'Таких надо давить, пока они не расплодились.', ['давить']],
]);

condition('a threat of retribution to «ты» or «вы» (new entry), not an answer', [
  ['violence', 'Вы за это ответите, все до единого.', ['ответите']],
  ['violence', 'Ты за базар ответишь, фраер.', ['ответишь']],
  ['violence', 'Ответишь мне сегодня или нет? Я уже третий раз пишу.', []],
  ['violence', 'Ответишь на звонок, а то я за рулём?', []],
  ['violence', 'Вы ответите на три вопроса теста за двадцать минут.', []],
]);

condition('«я знаю, где ты живёшь» as a threat (new entry), not directions or a fact', [
  ['violence', 'Мы знаем, где учится твой сын, подумай хорошенько.', ['знаем']],
  ['violence', 'Я знаю, где ты живёшь.', ['знаю']],
  ['violence', 'Я знаю, где тут хорошая шаурма.', []],
  ['violence', 'Я знаю, где он работает.', []],
  ['violence', 'Я не знаю, где ты живёшь, скинь адрес.', []],
]);

condition('«пора» + infinitive calls; the noun and leave-taking do not', [
  ['call-to-action', 'Хватит терпеть, пора брать оружие и идти на них.', ['пора']],
  ['call-to-action', 'Давно пора их выгнать из села силой.', ['пора']],
  ['call-to-action', 'Осень — лучшая пора, а мне пора домой.', []],
  ['call-to-action', 'Ну всё, мне пора.', []],
]);

condition('a noun that is also an imperative, joined to a noun or before «не» and a verb (engine)', [
  ['call-to-action', 'В этом зале представлены доспехи и мечи XV века.', []],
  ['call-to-action', 'Курицу рубим на порционные куски, кости не выбрасываем.', []],
  ['call-to-action', 'Гости не пришли, ужин остыл.', []],
  // An imperative after «и» that follows a verb, and an imperative before «не» and another imperative, stay.
  ['call-to-action', 'Бери нож и режь, не бойся.', ['Бери', 'режь', 'бойся']],
  ['call-to-action', 'Смотри не упади.', ['Смотри', 'упади']],
]);

condition('slang «убит» said of a thing before it (short form, as «убитый»)', [
  ['violence', 'Мастер сказал, что двигатель убит, проще продать.', []],
  ['violence', 'Посол убит в собственной резиденции.', ['убит']],
]);

condition('optative «да» + a 3rd-person future verb opening the sentence (new entry, hand-off from blind-ru14b)', [
  ['call-to-action', 'Да сгорят они в аду!', ['Да сгорят']],
  ['call-to-action', 'Да покарает их Аллах за то, что они сделали.', ['Да покарает']],
  ['call-to-action', 'Да, он придёт завтра.', []],
  ['call-to-action', 'Да здравствует мир во всём мире!', []],
  ['call-to-action', 'Да знает он всё, не волнуйся.', ['волнуйся']],
]);
