"""Function words of common languages: running prose is full of them, menus, buttons and headlines are not.

The most frequent articles, pronouns, prepositions, conjunctions and auxiliaries of each language (from
general grammar, not from any page). Lines in other languages fall back on the share of short lower-case
words, which the line model also sees.
"""
_BY_LANGUAGE = {
    "en": "the a an and or but of to in on at by for with from as is are was were be been has have had it its "
          "this that these those which who what when where there their they he she his her we our you your "
          "not no will would can could should may might do does did than then so if into about after over",
    "de": "der die das den dem des ein eine einer eines einem einen und oder aber in im an am auf aus bei mit "
          "von vom zu zum zur für über unter nach vor ist sind war waren wird werden wurde hat haben hatte es "
          "sich sie er wir ihr ich nicht auch als wie dass noch nur so wenn um durch",
    "fr": "le la les l un une des du de d et ou mais en dans sur sous par pour avec sans au aux est sont était "
          "été être a ont avait il elle ils elles nous vous on ce cette ces qui que qu dont ne pas plus se sa "
          "son ses leur leurs comme si aussi",
    "es": "el la los las lo un una unos unas y o pero de del en con por para sin sobre entre es son era fue "
          "ser ha han había se su sus que quien como cuando donde más muy también no ya al le les este esta "
          "estos estas",
    "it": "il lo la i gli le un una uno e o ma di del della dei delle da dal in nel nella con per su tra fra è "
          "sono era stato essere ha hanno che chi come quando dove più anche non si suo sua loro questo questa",
    "pt": "o a os as um uma uns umas e ou mas de do da dos das em no na nos nas com por para sem sobre é são "
          "foi era ser tem têm que quem como quando onde mais também não se seu sua seus suas este esta isso",
    "nl": "de het een en of maar van in op aan bij met voor door uit over naar is zijn was waren wordt worden "
          "heeft hebben had dat die dit deze er hij zij ze wij we niet ook als dan nog wel om te",
    "sv": "och i att det som en ett på är av för med till den har de inte om ett han hon var jag vi men sig "
          "från så kan när efter",
    "da": "og i at det som en et på er af for med til den har de ikke om han hun var jeg vi men sig fra så kan "
          "når efter",
    "no": "og i at det som en et på er av for med til den har de ikke om han hun var jeg vi men seg fra så kan "
          "når etter",
    "pl": "i w z na do nie się że to jest jak o od po za przez dla a ale lub czy jego jej ich był była było są "
          "być który która które tak też już",
    "cs": "a v ve na se je to že s z do o k i by byl byla bylo jsou jak ale nebo pro od po za jeho její jejich "
          "který která které také už",
    "ru": "и в во не что он она они на я с со как а то все так его но да ты к у же вы за бы по только ее мне "
          "было вот от меня еще нет о из ему для при это этот эта был была были который которые также",
    "uk": "і й та в у на з із до не що як це він вона вони ми ви його її їх був була було для від по за при "
          "який яка які також",
    "tr": "ve bir bu da de ile için olarak olan gibi daha çok en ama ya veya ki ne o bu şu her",
    "id": "dan yang di ke dari untuk dengan pada adalah ini itu dalam tidak akan juga atau oleh sebagai "
          "karena telah sudah",
    "ro": "și în la de cu pe din pentru că care este sunt a fost nu se o un una mai ca sau dar",
    "hu": "a az és egy hogy nem is van volt meg de ez azt csak mint vagy már még ki el",
    "fi": "ja on ei se että hän oli ovat mutta tai kun niin myös kuin jo vielä",
    "hi": "का के की को में से पर ने है हैं था थी थे और या कि भी तो यह वह ये वे एक लिए हो गया गई कर रहा रही "
          "नहीं जो इस उस इन उन साथ बाद तक",
    "ar": "في من على إلى عن مع أن إن هذا هذه التي الذي الذين كان كانت قد لا ما لم لن بين بعد قبل حتى أو ثم "
          "كما كل هو هي هم وقال وفي",
    "fa": "و در به از که را با این آن است بود برای تا یا هم بر می نمی شد شده شود کرد کرده کند خود او ما آنها "
          "اما اگر نیز پس هر یک دیگر بین پیش",
    "ur": "کے کی کا کو میں سے نے پر ہے ہیں تھا تھی تھے اور یا کہ بھی یہ وہ ایک لیے کر گیا گئی نہیں جو اس ان "
          "ساتھ بعد تک",
    "he": "של את על עם אל מן כי לא גם או אבל הוא היא הם הן זה זו אשר היה הייתה היו יש אין כל בין אחרי לפני עד",
    "el": "ο η το οι τα του της των τον την και ή αλλά σε στο στη στον στην στα από για με ως είναι ήταν θα να "
          "δεν που ότι αυτό αυτή αυτός έχει είχε",
    "vi": "và của là có được cho trong với các những một này đã không người khi để từ đến cũng sẽ đang theo "
          "về như nhưng thì tại do",
    "bg": "и в на за да се е от с не че по са като това той тя те беше бяха но или който която които също",
}
STOPWORDS = frozenset(w for words in _BY_LANGUAGE.values() for w in words.split())
