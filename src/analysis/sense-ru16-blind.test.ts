// Russian calls to action and violence, round 16 (issue 14): the frame sweep with new registers
// (construction and repair, computing, surgery, a feast's slaughter, hunting, business, a song's
// abstract object, a plot told as such) and the threats without a dictionary word of violence
// (сверну шею, своё получат, мало не покажется, добить, прикончить). Each condition is data in
// sop/lexicons/ru/violence.yaml; each table holds a control that must stay a candidate.
// Sentences are fictional, written for these tests.
import { describe } from 'vitest';
import { senseCondition, type SenseCase } from '../../tests/support/indicator-candidates.js';

const condition = (name: string, cases: readonly SenseCase[]): void => senseCondition('ru', name, cases);

describe('Russian violence, round 16', () => {
  condition('a building material, a rock, a process, a tumour or a feeling as the object', [
    ['violence', 'Арматуру режем болгаркой, электроды не трогать.', []],
    ['violence', 'Бей по клину сильнее, не бойся.', []],
    ['violence', 'Взрывать скалу будут в субботу, в зону не заходить.', []],
    ['violence', 'Убейте зависший процесс на втором сервере.', []],
    ['violence', 'Хирург режет опухоль лазером.', []],
    ['violence', 'Ты убила мою любовь и ушла в ночь.', []],
    ['violence', 'Он избил соседа арматурой и скрылся.', ['избил']],
    ['violence', 'Режьте их, пока они спят.', ['Режьте']],
  ]);

  condition('a task or a machine of an office chat as the object', [
    ['violence', 'Добей уже этот тикет, он висит вторую неделю.', []],
    ['violence', 'Тикет добили к обеду.', []],
    ['violence', 'Добейте их, пока не опомнились.', ['Добейте']],
  ]);

  condition('slaughter for a feast or Kurban ait', [
    ['violence', 'К тою зарезали двух баранов, мясо раздали родне.', []],
    ['violence', 'На Курман айт отец сам режет барана.', []],
    ['violence', 'Зарежем их, как баранов к тою.', ['Зарежем']],
  ]);

  condition('hunting local game', [
    ['violence', 'На охоте дядя убил двух сурков у речки.', []],
    ['violence', 'На охоте дядя убил соседа по неосторожности.', ['убил']],
  ]);

  condition('a plot told as such', [
    ['violence', 'По сюжету героиня мстит за отца.', []],
    ['violence', 'Сюжет вертится вокруг мести за убитую семью.', []],
    ['violence', 'Она мстит за отца уже третий год, соседи боятся.', ['мстит']],
    ['violence', 'Героиня стреляет в мужа и бежит из дома.', []],
    ['violence', 'В пятой серии маньяк убивает ещё двоих.', []],
    ['violence', 'Героиня Сопротивления взорвала мост у станции.', ['взорвала']],
    ['violence', 'В прошлом сезоне фанаты избили судью.', ['избили']],
  ]);

  condition('«добить», «прикончить» of people, not of a task, a bottle or a ball', [
    ['violence', 'Надо добить их, пока они не опомнились.', ['добить']],
    ['violence', 'Прикончу этого гада, как только выйдет.', ['Прикончу']],
    ['violence', 'Добейте раненых и уходим.', ['Добейте']],
    ['violence', 'Вечером прикончили бутылку вина на двоих.', []],
    ['violence', 'Давай после обеда добьём презентацию.', []],
    ['violence', 'Завтра добиваем и отдыхаем.', []],
    ['violence', 'Форвард добил мяч в пустые ворота.', []],
    ['violence', 'На спарринге не добивайте партнёра.', []],
  ]);

  condition('threats by an idiom of harm', [
    ['violence', 'Я тебе шею сверну, если подойдёшь к моей сестре.', ['сверну']],
    ['violence', 'Они своё получат, все до одного, обещаю.', ['своё получат']],
    ['violence', 'Ещё раз придёте в наш район — мало не покажется.', ['мало не покажется']],
    ['violence', 'На перекрёстке сверну налево.', []],
    ['violence', 'Мороз ударит под сорок — мало не покажется.', []],
    ['violence', 'Не волнуйтесь, каждый своё получит на кассе.', []],
    ['violence', 'Пусть каждый из них знает: ему здесь не жить.', ['ему здесь не жить']],
    ['violence', 'Им не жить без интернета.', []],
  ]);

  condition('a preposition the dictionary also reads as a noun is no thing as the object', [
    ['violence', 'Их убили в ту ночь.', ['убили']],
    ['violence', 'Её задушили в подвале.', ['задушили']],
    ['violence', 'Предателя повесили в сарае.', ['повесили']],
    ['violence', 'Я убил на этот отчёт три дня.', []],
  ]);

  condition('music and laughter as the instrument', [
    ['violence', 'Она убила его своим смехом.', []],
    ['violence', 'Она убила его ножом.', ['убила', 'ножом']],
  ]);
});
