package labels

// table is one language's labels: text holds them in the order of Keys.
type table struct {
	lang   string
	script string   // ISO 15924
	names  []string // in English and in the language, for a did-you-mean
	text   [13]string
	months [12]string
	// monthYear places {month} and {year}.
	monthYear string
}

// languages are the languages with labels, English first. The translations
// are the project's own (see the package comment). Where a language has a
// formal and a familiar "you", the labels use the one patient materials
// use (es "Sus preguntas", fr "Vos questions", de "Ihre Fragen", vi "quý
// vị"). Months are those of the Gregorian calendar, in the form a date
// heading takes ("noviembre de 2026", "ноябрь 2026 г.", "2026年11月").
// Digits are the ASCII ones everywhere: every face the tool pairs with a
// script has them.
var languages = []*table{
	{lang: "en", script: "Latn", names: []string{"English"},
		text:      [13]string{"The short version", "Frequently asked questions", "References", "Your questions", "Patient guide", "One-page summary", "For", "Care team", "Date", "Next appointment", "Note from your care team", "Page {n} of {total}", "Reviewed {date}"},
		months:    [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		monthYear: "{month} {year}"},
	{lang: "es", script: "Latn", names: []string{"Spanish", "Español", "Castellano"},
		text:      [13]string{"En resumen", "Preguntas frecuentes", "Referencias", "Sus preguntas", "Guía para pacientes", "Resumen de una página", "Para", "Equipo de atención", "Fecha", "Próxima cita", "Nota de su equipo de atención", "Página {n} de {total}", "Revisado en {date}"},
		months:    [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		monthYear: "{month} de {year}"},
	{lang: "zh-Hans", script: "Hans", names: []string{"Chinese", "Simplified Chinese", "Mandarin", "中文", "简体中文"},
		text:      [13]string{"要点", "常见问题", "参考文献", "您的问题", "患者指南", "一页摘要", "患者", "医护团队", "日期", "下次预约", "医护团队留言", "第 {n} 页，共 {total} 页", "审阅日期：{date}"},
		months:    [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthYear: "{year}年{month}"},
	{lang: "zh-Hant", script: "Hant", names: []string{"Traditional Chinese", "Cantonese", "繁體中文"},
		text:      [13]string{"重點摘要", "常見問題", "參考文獻", "您的問題", "病患指南", "一頁摘要", "病患", "醫護團隊", "日期", "下次預約", "醫護團隊留言", "第 {n} 頁，共 {total} 頁", "審閱日期：{date}"},
		months:    [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthYear: "{year}年{month}"},
	{lang: "vi", script: "Latn", names: []string{"Vietnamese", "Tiếng Việt"},
		text:      [13]string{"Những điều chính", "Câu hỏi thường gặp", "Tài liệu tham khảo", "Câu hỏi của quý vị", "Hướng dẫn cho bệnh nhân", "Tóm tắt một trang", "Dành cho", "Nhóm chăm sóc", "Ngày", "Cuộc hẹn tiếp theo", "Ghi chú từ nhóm chăm sóc của quý vị", "Trang {n} / {total}", "Cập nhật: {date}"},
		months:    [12]string{"tháng 1", "tháng 2", "tháng 3", "tháng 4", "tháng 5", "tháng 6", "tháng 7", "tháng 8", "tháng 9", "tháng 10", "tháng 11", "tháng 12"},
		monthYear: "{month} năm {year}"},
	{lang: "tl", script: "Latn", names: []string{"Tagalog", "Filipino", "Wikang Tagalog"},
		text:      [13]string{"Sa madaling salita", "Mga madalas itanong", "Mga sanggunian", "Mga tanong mo", "Gabay para sa pasyente", "Buod sa isang pahina", "Para kay", "Pangkat ng pangangalaga", "Petsa", "Susunod na appointment", "Tala mula sa iyong pangkat ng pangangalaga", "Pahina {n} ng {total}", "Sinuri noong {date}"},
		months:    [12]string{"Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre", "Oktubre", "Nobyembre", "Disyembre"},
		monthYear: "{month} {year}"},
	{lang: "ko", script: "Kore", names: []string{"Korean", "한국어"},
		text:      [13]string{"핵심 요약", "자주 묻는 질문", "참고 문헌", "궁금한 점", "환자 안내서", "한 페이지 요약", "환자", "의료진", "날짜", "다음 예약", "의료진의 메모", "{n} / {total}쪽", "검토일: {date}"},
		months:    [12]string{"1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월"},
		monthYear: "{year}년 {month}"},
	{lang: "ru", script: "Cyrl", names: []string{"Russian", "Русский"},
		text:      [13]string{"Коротко о главном", "Часто задаваемые вопросы", "Источники", "Ваши вопросы", "Памятка для пациента", "Краткая памятка на одной странице", "Для", "Медицинская команда", "Дата", "Следующий приём", "Сообщение от вашей медицинской команды", "Страница {n} из {total}", "Проверено: {date}"},
		months:    [12]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		monthYear: "{month} {year} г."},
	{lang: "ar", script: "Arab", names: []string{"Arabic", "العربية"},
		text:      [13]string{"الخلاصة", "الأسئلة الشائعة", "المراجع", "أسئلتك", "دليل المريض", "ملخص في صفحة واحدة", "المريض", "فريق الرعاية", "التاريخ", "الموعد القادم", "ملاحظة من فريق رعايتك", "صفحة {n} من {total}", "تاريخ المراجعة: {date}"},
		months:    [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
		monthYear: "{month} {year}"},
	{lang: "ht", script: "Latn", names: []string{"Haitian Creole", "Haitian", "Kreyòl", "Kreyòl ayisyen", "Creole"},
		text:      [13]string{"An rezime", "Kesyon moun poze souvan", "Referans", "Kesyon ou yo", "Gid pou pasyan", "Rezime sou yon paj", "Pou", "Ekip swen", "Dat", "Pwochen randevou", "Nòt ekip swen ou a", "Paj {n} sou {total}", "Revize nan {date}"},
		months:    [12]string{"janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"},
		monthYear: "{month} {year}"},
	{lang: "fr", script: "Latn", names: []string{"French", "Français"},
		text:      [13]string{"En bref", "Questions fréquentes", "Références", "Vos questions", "Guide pour les patients", "Résumé d’une page", "Pour", "Équipe soignante", "Date", "Prochain rendez-vous", "Note de votre équipe soignante", "Page {n} sur {total}", "Révisé en {date}"},
		months:    [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		monthYear: "{month} {year}"},
	{lang: "pt", script: "Latn", names: []string{"Portuguese", "Português"},
		text:      [13]string{"Em resumo", "Perguntas frequentes", "Referências", "Suas perguntas", "Guia para o paciente", "Resumo de uma página", "Para", "Equipe de saúde", "Data", "Próxima consulta", "Recado da sua equipe de saúde", "Página {n} de {total}", "Revisado em {date}"},
		months:    [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		monthYear: "{month} de {year}"},
	{lang: "pl", script: "Latn", names: []string{"Polish", "Polski"},
		text:      [13]string{"W skrócie", "Często zadawane pytania", "Bibliografia", "Twoje pytania", "Poradnik dla pacjenta", "Podsumowanie na jednej stronie", "Dla", "Zespół opieki", "Data", "Następna wizyta", "Wiadomość od Twojego zespołu opieki", "Strona {n} z {total}", "Sprawdzono: {date}"},
		months:    [12]string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
		monthYear: "{month} {year}"},
	{lang: "ja", script: "Jpan", names: []string{"Japanese", "日本語"},
		text:      [13]string{"要点", "よくある質問", "参考文献", "ご質問メモ", "患者さん向けガイド", "1ページ要約", "患者さん", "医療チーム", "日付", "次回の予約", "医療チームからのメッセージ", "{n} / {total} ページ", "確認日：{date}"},
		months:    [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthYear: "{year}年{month}"},
	{lang: "it", script: "Latn", names: []string{"Italian", "Italiano"},
		text:      [13]string{"In breve", "Domande frequenti", "Bibliografia", "Le sue domande", "Guida per il paziente", "Riepilogo in una pagina", "Per", "Équipe curante", "Data", "Prossimo appuntamento", "Nota della sua équipe curante", "Pagina {n} di {total}", "Revisione: {date}"},
		months:    [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		monthYear: "{month} {year}"},
	{lang: "de", script: "Latn", names: []string{"German", "Deutsch"},
		text:      [13]string{"Das Wichtigste in Kürze", "Häufige Fragen", "Quellen", "Ihre Fragen", "Patienteninformation", "Zusammenfassung auf einer Seite", "Für", "Behandlungsteam", "Datum", "Nächster Termin", "Hinweis von Ihrem Behandlungsteam", "Seite {n} von {total}", "Stand: {date}"},
		months:    [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		monthYear: "{month} {year}"},
	{lang: "fa", script: "Arab", names: []string{"Persian", "Farsi", "Dari", "فارسی"},
		text:      [13]string{"خلاصه", "پرسش\u200cهای متداول", "منابع", "پرسش\u200cهای شما", "راهنمای بیمار", "خلاصهٔ یک\u200cصفحه\u200cای", "بیمار", "تیم درمان", "تاریخ", "نوبت بعدی", "یادداشت تیم درمان شما", "صفحهٔ {n} از {total}", "بازبینی: {date}"},
		months:    [12]string{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"},
		monthYear: "{month} {year}"},
	{lang: "el", script: "Grek", names: []string{"Greek", "Ελληνικά"},
		text:      [13]string{"Με λίγα λόγια", "Συχνές ερωτήσεις", "Βιβλιογραφία", "Οι ερωτήσεις σας", "Οδηγός για ασθενείς", "Περίληψη μίας σελίδας", "Για", "Ομάδα φροντίδας", "Ημερομηνία", "Επόμενο ραντεβού", "Σημείωμα από την ομάδα φροντίδας σας", "Σελίδα {n} από {total}", "Αναθεώρηση: {date}"},
		months:    [12]string{"Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος", "Ιούλιος", "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"},
		monthYear: "{month} {year}"},
	{lang: "ur", script: "Arab", names: []string{"Urdu", "اردو"},
		text:      [13]string{"خلاصہ", "اکثر پوچھے جانے والے سوالات", "حوالہ جات", "آپ کے سوالات", "مریض کے لیے رہنما", "ایک صفحے کا خلاصہ", "مریض", "نگہداشت کی ٹیم", "تاریخ", "اگلی ملاقات", "آپ کی نگہداشت کی ٹیم کا پیغام", "صفحہ {n} از {total}", "نظرِ ثانی: {date}"},
		months:    [12]string{"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"},
		monthYear: "{month} {year}"},
	{lang: "hi", script: "Deva", names: []string{"Hindi", "हिन्दी", "हिंदी"},
		text:      [13]string{"संक्षेप में", "अक्सर पूछे जाने वाले प्रश्न", "संदर्भ", "आपके प्रश्न", "रोगी मार्गदर्शिका", "एक पृष्ठ का सारांश", "रोगी", "देखभाल टीम", "तारीख", "अगली अपॉइंटमेंट", "आपकी देखभाल टीम का संदेश", "पृष्ठ {n} / {total}", "समीक्षा: {date}"},
		months:    [12]string{"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"},
		monthYear: "{month} {year}"},
	{lang: "bn", script: "Beng", names: []string{"Bengali", "Bangla", "বাংলা"},
		text:      [13]string{"সংক্ষেপে", "সচরাচর জিজ্ঞাসিত প্রশ্ন", "তথ্যসূত্র", "আপনার প্রশ্ন", "রোগীর জন্য নির্দেশিকা", "এক পৃষ্ঠার সারসংক্ষেপ", "রোগী", "পরিচর্যা দল", "তারিখ", "পরবর্তী অ্যাপয়েন্টমেন্ট", "আপনার পরিচর্যা দলের বার্তা", "পৃষ্ঠা {n} / {total}", "পর্যালোচনা: {date}"},
		months:    [12]string{"জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"},
		monthYear: "{month} {year}"},
	{lang: "pa", script: "Guru", names: []string{"Punjabi", "Panjabi", "ਪੰਜਾਬੀ"},
		text:      [13]string{"ਸੰਖੇਪ ਵਿੱਚ", "ਅਕਸਰ ਪੁੱਛੇ ਜਾਂਦੇ ਸਵਾਲ", "ਹਵਾਲੇ", "ਤੁਹਾਡੇ ਸਵਾਲ", "ਮਰੀਜ਼ ਲਈ ਗਾਈਡ", "ਇੱਕ ਪੰਨੇ ਦਾ ਸਾਰ", "ਮਰੀਜ਼", "ਦੇਖਭਾਲ ਟੀਮ", "ਤਾਰੀਖ", "ਅਗਲੀ ਮੁਲਾਕਾਤ", "ਤੁਹਾਡੀ ਦੇਖਭਾਲ ਟੀਮ ਵੱਲੋਂ ਸੁਨੇਹਾ", "ਪੰਨਾ {n} / {total}", "ਸਮੀਖਿਆ: {date}"},
		months:    [12]string{"ਜਨਵਰੀ", "ਫ਼ਰਵਰੀ", "ਮਾਰਚ", "ਅਪ੍ਰੈਲ", "ਮਈ", "ਜੂਨ", "ਜੁਲਾਈ", "ਅਗਸਤ", "ਸਤੰਬਰ", "ਅਕਤੂਬਰ", "ਨਵੰਬਰ", "ਦਸੰਬਰ"},
		monthYear: "{month} {year}"},
	{lang: "so", script: "Latn", names: []string{"Somali", "Soomaali", "Af-Soomaali"},
		text:      [13]string{"Si kooban", "Su'aalaha badanaa la isweydiiyo", "Tixraacyo", "Su'aalahaaga", "Hagaha bukaanka", "Soo koobid hal bog ah", "Bukaanka", "Kooxda daryeelka", "Taariikhda", "Ballanta xigta", "Fariin ka timid kooxda daryeelkaaga", "Bogga {n} ee {total}", "Dib loo eegay: {date}"},
		months:    [12]string{"Janaayo", "Febraayo", "Maarso", "Abriil", "Maajo", "Juun", "Luulyo", "Agoosto", "Sebtembar", "Oktoobar", "Nofembar", "Desembar"},
		monthYear: "{month} {year}"},
	{lang: "am", script: "Ethi", names: []string{"Amharic", "አማርኛ"},
		text:      [13]string{"በአጭሩ", "ተደጋግመው የሚጠየቁ ጥያቄዎች", "ማጣቀሻዎች", "የእርስዎ ጥያቄዎች", "የታካሚ መመሪያ", "የአንድ ገጽ ማጠቃለያ", "ታካሚ", "የእንክብካቤ ቡድን", "ቀን", "ቀጣይ ቀጠሮ", "ከእንክብካቤ ቡድንዎ የተላከ መልእክት", "ገጽ {n} ከ {total}", "የተገመገመበት: {date}"},
		months:    [12]string{"ጃንዩወሪ", "ፌብሩወሪ", "ማርች", "ኤፕሪል", "ሜይ", "ጁን", "ጁላይ", "ኦገስት", "ሴፕቴምበር", "ኦክቶበር", "ኖቬምበር", "ዲሴምበር"},
		monthYear: "{month} {year}"},
}
