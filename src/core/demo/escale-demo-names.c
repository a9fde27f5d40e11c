/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-demo"

#include "config.h"

#include "escale-demo-private.h"

/* The countries demonstration participants come from, and names that fit
 * each: common given and family names, with their accents where the
 * country writes them. Kept apart from the generator because they are
 * most of its length. */

#define LIST(array) { (array), G_N_ELEMENTS (array) }

static const char *const french_women[] = {
  "Camille", "Léa", "Manon", "Chloé", "Émilie", "Sarah", "Julie", "Pauline", "Claire", "Hélène",
  "Mathilde", "Zoé", "Céline", "Laure", "Margaux", "Océane", "Anaïs", "Élodie", "Marion", "Justine",
};
static const char *const french_men[] = {
  "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Guillaume", "Benoît", "Romain", "Clément", "Théo",
  "Hugo", "Florian", "Sébastien", "Quentin", "Arnaud", "Loïc", "Jérôme", "Cédric", "Baptiste", "Adrien",
};
static const char *const french_families[] = {
  "Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel", "Leroy",
  "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
  "Rousseau", "Vincent", "Mercier", "Blanchard", "Peeters", "Janssens", "Maes", "Dumont", "Lemaire",
  "Chevalier", "Guérin", "Faure", "Perrin", "Gauthier", "Barbier", "Renard",
};

static const char *const maghreb_women[] = {
  "Aïcha", "Fatima", "Fatima Zahra", "Khadija", "Meriem", "Nadia", "Samira", "Imane", "Salma", "Yasmine",
  "Amina", "Houda", "Sanaa", "Leïla", "Nour", "Asma", "Sara", "Kenza", "Lina", "Rim", "Inès", "Wafa",
  "Soumaya", "Hajar",
};
static const char *const maghreb_men[] = {
  "Mohamed", "Mohamed Amine", "Ahmed", "Youssef", "Karim", "Mehdi", "Hamza", "Omar", "Rachid", "Nabil",
  "Samir", "Walid", "Yacine", "Bilal", "Anis", "Sofiane", "Amine", "Hicham", "Khalid", "Mourad", "Riad",
  "Tarek", "Ayoub", "Adel",
};
static const char *const maghreb_families[] = {
  "Benali", "Benaïssa", "Bouzid", "El Amrani", "Alaoui", "Benjelloun", "Bennani", "Tazi", "Idrissi",
  "El Idrissi", "Chraïbi", "Berrada", "Haddad", "Mansouri", "Belkacem", "Boudiaf", "Hamidi", "Saïdi",
  "Amrani", "Cherif", "Khelifi", "Ouali", "Meziane", "Brahimi", "Ben Salah", "Trabelsi", "Jebali",
  "Gharbi", "Ayari", "Mejri", "Zouari", "Hamdi", "Benmoussa", "Lahlou", "Ziani", "Bouchenak",
};

static const char *const west_african_women[] = {
  "Fatou", "Aminata", "Awa", "Mariama", "Aïssatou", "Adama", "Khady", "Ndèye", "Rokhaya", "Bintou",
  "Aya", "Affoué", "Adjoua", "Mariam", "Rama", "Coumba", "Oumou", "Ramatoulaye",
};
static const char *const west_african_men[] = {
  "Moussa", "Mamadou", "Ousmane", "Ibrahima", "Abdoulaye", "Cheikh", "Modou", "Souleymane", "Serigne",
  "Kouassi", "Yao", "Koffi", "Konan", "Seydou", "Lamine", "Babacar", "Aliou", "Pape",
};
static const char *const west_african_families[] = {
  "Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Ba", "Sarr", "Faye", "Gueye", "Mbaye", "Cissé", "Touré",
  "Koné", "Traoré", "Coulibaly", "Ouattara", "Kouamé", "Konaté", "Bamba", "N’Guessan", "Diabaté",
  "Sylla", "Camara", "Dembélé", "Kane", "Thiam",
};

static const char *const central_african_women[] = {
  "Grâce", "Esther", "Ruth", "Christelle", "Sandrine", "Carine", "Blandine", "Nadège", "Rachel",
  "Mireille", "Gloria", "Divine", "Merveille", "Prisca", "Josiane", "Laetitia", "Falone", "Chancelle",
};
static const char *const central_african_men[] = {
  "Jean-Paul", "Emmanuel", "Patrick", "Serge", "Hervé", "Christian", "Boris", "Franck", "Junior",
  "Désiré", "Blaise", "Fabrice", "Guy", "Landry", "Trésor", "Dieudonné", "Joël", "Cédric",
};
static const char *const central_african_families[] = {
  "Mbarga", "Nkoulou", "Fotso", "Tchamba", "Ngono", "Essomba", "Kamga", "Tchinda", "Nana", "Atangana",
  "Nguema", "Owona", "Djoumessi", "Mukendi", "Kabongo", "Ilunga", "Tshibangu", "Mbuyi", "Kalala",
  "Lukusa", "Mputu", "Nsimba", "Makiese", "Lumbala", "Tshimanga", "Kasongo", "Bokolo", "Fouda",
};

static const char *const haitian_women[] = {
  "Marie-Carmelle", "Nadège", "Guerline", "Fabiola", "Widline", "Mirlande", "Roseline", "Magalie",
  "Stéphanie", "Rose-Andrée", "Darline", "Judith", "Nathalie", "Rose-Marie", "Sabine", "Wideline",
};
static const char *const haitian_men[] = {
  "Jean-Robert", "Wilson", "Frantz", "Jean-Baptiste", "Ricardo", "Réginald", "Kervens", "Widson",
  "Evens", "Jameson", "Stanley", "Fritz", "Dieuseul", "Pierre-Richard", "Marc-Arthur", "Jean-Claude",
};
static const char *const haitian_families[] = {
  "Pierre", "Jean", "Joseph", "Louis", "Charles", "Pierre-Louis", "Saint-Fleur", "Jean-Baptiste",
  "Étienne", "Alexis", "Désir", "Fleurant", "Augustin", "Célestin", "Dorvil", "Exantus", "François",
  "Jean-Louis", "Noël", "Paul", "Thélusma", "Valcourt", "Vilsaint", "Métellus", "Bazile", "Théodore",
};

static const char *const hispanic_women[] = {
  "María", "María José", "Valentina", "Daniela", "Camila", "Andrea", "Carolina", "Paola", "Natalia",
  "Laura", "Juliana", "Gabriela", "Ana Lucía", "Mariana", "Sofía", "Lucía", "Diana", "Alejandra",
  "Ximena", "Guadalupe",
};
static const char *const hispanic_men[] = {
  "José", "Juan Carlos", "Carlos", "Andrés", "Santiago", "Diego", "Alejandro", "Luis", "Jorge",
  "Miguel Ángel", "Sebastián", "Felipe", "Javier", "Fernando", "Ricardo", "Óscar", "Julián", "Mateo",
  "Daniel", "Héctor",
};
static const char *const hispanic_families[] = {
  "García", "Rodríguez", "Martínez", "López", "González", "Hernández", "Pérez", "Sánchez", "Ramírez",
  "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Vargas", "Castro", "Rojas", "Moreno", "Jiménez",
  "Muñoz", "Ortiz", "Gutiérrez", "Chávez", "Mendoza", "Quispe", "Salazar", "Cárdenas", "Restrepo",
  "Herrera", "Medina",
};

static const char *const brazilian_women[] = {
  "Ana Carolina", "Beatriz", "Juliana", "Fernanda", "Camila", "Larissa", "Letícia", "Mariana",
  "Gabriela", "Aline", "Patrícia", "Renata", "Tatiana", "Bruna", "Luana",
};
static const char *const brazilian_men[] = {
  "João", "João Pedro", "Lucas", "Gabriel", "Rafael", "Thiago", "Felipe", "Bruno", "Rodrigo",
  "Gustavo", "Matheus", "Leonardo", "Vinícius", "André", "Marcelo",
};
static const char *const brazilian_families[] = {
  "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento",
  "Lima", "Araújo", "Fernandes", "Carvalho", "Gomes", "Martins", "Rocha", "Ribeiro", "Barbosa",
  "Gonçalves", "Cardoso",
};

static const char *const levantine_women[] = {
  "Rania", "Lara", "Maya", "Nour", "Rasha", "Hiba", "Dima", "Reem", "Yara", "Joëlle", "Rita", "Carla",
  "Lama", "Ghada", "Hala", "Nadine", "Zeina", "Myriam",
};
static const char *const levantine_men[] = {
  "Georges", "Élie", "Karim", "Rami", "Fadi", "Ziad", "Tarek", "Bassel", "Omar", "Hassan", "Ali",
  "Khaled", "Samer", "Wassim", "Nadim", "Charbel", "Joseph", "Marwan",
};
static const char *const levantine_families[] = {
  "Haddad", "Khoury", "Nassar", "Saad", "Hanna", "Aoun", "Karam", "Salameh", "Mansour", "Daher",
  "Fares", "Issa", "Khalil", "Abboud", "Chahine", "Azar", "Hamdan", "Al-Ahmad", "Al-Hussein",
  "Kassab", "Najjar", "Sabbagh", "Tannous", "Youssef", "Barakat", "Hajjar",
};

static const char *const iranian_women[] = {
  "Maryam", "Zahra", "Fatemeh", "Sara", "Niloufar", "Shirin", "Parisa", "Leila", "Mahsa", "Negar",
  "Roya", "Azadeh", "Shabnam", "Golnaz", "Ladan", "Samira",
};
static const char *const iranian_men[] = {
  "Mohammad", "Ali", "Reza", "Amir", "Hossein", "Mehdi", "Hamid", "Saeed", "Babak", "Arash", "Kaveh",
  "Farhad", "Pouya", "Behnam", "Navid", "Dariush",
};
static const char *const iranian_families[] = {
  "Hosseini", "Mohammadi", "Ahmadi", "Rezaei", "Moradi", "Karimi", "Jafari", "Rahimi", "Hashemi",
  "Ghasemi", "Sadeghi", "Kazemi", "Mousavi", "Shirazi", "Tehrani", "Farahani", "Azizi", "Bagheri",
  "Nazari", "Sharifi", "Akbari", "Ebrahimi", "Zamani", "Salehi",
};

static const char *const indian_women[] = {
  "Priya", "Anjali", "Pooja", "Neha", "Kavya", "Divya", "Sneha", "Harpreet", "Simran", "Lakshmi",
  "Meera", "Aishwarya", "Deepika", "Nisha", "Shreya", "Ananya",
};
static const char *const indian_men[] = {
  "Rahul", "Amit", "Arjun", "Vikram", "Rohan", "Karan", "Sanjay", "Rajesh", "Gurpreet", "Harjit",
  "Manpreet", "Suresh", "Aditya", "Nikhil", "Pradeep", "Vivek",
};
static const char *const indian_families[] = {
  "Sharma", "Patel", "Singh", "Kaur", "Gupta", "Kumar", "Reddy", "Iyer", "Nair", "Mehta", "Shah",
  "Joshi", "Rao", "Desai", "Verma", "Chopra", "Malhotra", "Pillai", "Menon", "Bhatt", "Agarwal",
  "Kapoor", "Sandhu", "Gill",
};

static const char *const filipino_women[] = {
  "Maria Cristina", "Jocelyn", "Marites", "Rowena", "Jennifer", "Angelica", "Kristine", "Maricel",
  "Rhea", "Joy", "Mary Grace", "Cherry", "Janelle", "Mary Ann", "Lovely",
};
static const char *const filipino_men[] = {
  "Jose Mari", "Mark Anthony", "John Paul", "Rodel", "Ramon", "Ronaldo", "Arnel", "Jericho",
  "Christian", "Joel", "Rommel", "Noel", "Jayson", "Rey", "John Carlo",
};
static const char *const filipino_families[] = {
  "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva", "Ramos",
  "Aquino", "Castillo", "Dela Cruz", "Del Rosario", "Manalo", "Pascual", "Soriano", "Dizon",
  "Gonzales", "Navarro", "Tolentino", "Macaraeg", "Magbanua",
};

static const char *const chinese_women[] = {
  "Xiaoling", "Yuqing", "Wenjing", "Jiahui", "Siyu", "Yiting", "Xinyi", "Meiling", "Huiying", "Lina",
  "Jingwen", "Ruoxi", "Yufei", "Shuyi", "Mengyao", "Qian",
};
static const char *const chinese_men[] = {
  "Wei", "Jun", "Hao", "Lei", "Tao", "Jian", "Yong", "Zhiwei", "Haoran", "Yichen", "Zihao", "Jiawei",
  "Mingyu", "Xiaolong", "Zhenyu", "Bo",
};
static const char *const chinese_families[] = {
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
  "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Tang",
};

/* Written as Canadian immigration documents write them, without the
 * Vietnamese diacritics: Nguyen, not Nguyễn. */
static const char *const vietnamese_women[] = {
  "Thi Lan", "Thi Hoa", "Thi Mai", "Ngoc Anh", "Thu Trang", "Thi Huong", "Minh Chau", "Thanh Huyen",
  "Bich Ngoc", "Phuong Linh", "Thi Thu", "Kim Oanh", "Hong Nhung", "My Linh",
};
static const char *const vietnamese_men[] = {
  "Van Minh", "Duc Anh", "Quang Huy", "Van Hung", "Minh Tuan", "Thanh Long", "Van Nam", "Hoang Nam",
  "Duc Thang", "Quoc Bao", "Tien Dung", "Van Phuc", "Huu Nghia", "Trung Kien",
};
static const char *const vietnamese_families[] = {
  "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do", "Ho",
  "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam", "Mai",
};

static const char *const ukrainian_women[] = {
  "Olena", "Iryna", "Kateryna", "Nataliia", "Oksana", "Tetiana", "Yuliia", "Anastasiia", "Svitlana",
  "Viktoriia", "Mariia", "Daryna", "Halyna", "Liudmyla", "Sofiia", "Khrystyna",
};
static const char *const ukrainian_men[] = {
  "Oleksandr", "Andrii", "Dmytro", "Serhii", "Volodymyr", "Mykola", "Yurii", "Vasyl", "Oleh", "Taras",
  "Bohdan", "Ihor", "Maksym", "Artem", "Roman", "Vitalii",
};
static const char *const ukrainian_families[] = {
  "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Koval",
  "Oliinyk", "Shevchuk", "Polishchuk", "Lysenko", "Marchenko", "Savchenko", "Rudenko", "Moroz",
  "Pavlenko", "Kovalchuk", "Honcharenko", "Petrenko",
};

static const char *const romanian_women[] = {
  "Andreea", "Ioana", "Elena", "Maria", "Alexandra", "Mihaela", "Cristina", "Gabriela", "Raluca",
  "Ana-Maria", "Roxana", "Irina", "Oana", "Simona", "Bianca", "Larisa",
};
static const char *const romanian_men[] = {
  "Andrei", "Alexandru", "Mihai", "Ștefan", "Ion", "Cristian", "Bogdan", "Florin", "Adrian", "Radu",
  "Vlad", "Gheorghe", "Sorin", "Daniel", "Cătălin", "Marius",
};
static const char *const romanian_families[] = {
  "Popescu", "Ionescu", "Popa", "Radu", "Dumitru", "Stoica", "Stan", "Gheorghe", "Munteanu",
  "Constantin", "Matei", "Ciobanu", "Moldovan", "Lungu", "Rusu", "Mocanu", "Vasilescu", "Dobre",
  "Marin", "Ștefănescu", "Tudor", "Georgescu", "Mihăilescu", "Enache",
};

static const char *const english_women[] = { "Grace", "Vivian", "Jenny", "Amy", "Cindy", "Ivy", "Emma", "Helen" };
static const char *const english_men[] = { "Kevin", "Tony", "Eric", "Frank", "Leo", "Jason", "David", "Michael" };

static const EscaleDemoNameGroup french_names = { LIST (french_women), LIST (french_men), LIST (french_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup maghreb_names = { LIST (maghreb_women), LIST (maghreb_men), LIST (maghreb_families), FALSE, ESCALE_DEMO_PREFERRED_LAST_WORD };
static const EscaleDemoNameGroup west_african_names = { LIST (west_african_women), LIST (west_african_men), LIST (west_african_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup central_african_names = { LIST (central_african_women), LIST (central_african_men), LIST (central_african_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup haitian_names = { LIST (haitian_women), LIST (haitian_men), LIST (haitian_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup hispanic_names = { LIST (hispanic_women), LIST (hispanic_men), LIST (hispanic_families), TRUE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup brazilian_names = { LIST (brazilian_women), LIST (brazilian_men), LIST (brazilian_families), TRUE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup levantine_names = { LIST (levantine_women), LIST (levantine_men), LIST (levantine_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup iranian_names = { LIST (iranian_women), LIST (iranian_men), LIST (iranian_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup indian_names = { LIST (indian_women), LIST (indian_men), LIST (indian_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup filipino_names = { LIST (filipino_women), LIST (filipino_men), LIST (filipino_families), FALSE, ESCALE_DEMO_PREFERRED_FIRST_WORD };
static const EscaleDemoNameGroup chinese_names = { LIST (chinese_women), LIST (chinese_men), LIST (chinese_families), FALSE, ESCALE_DEMO_PREFERRED_ENGLISH };
static const EscaleDemoNameGroup vietnamese_names = { LIST (vietnamese_women), LIST (vietnamese_men), LIST (vietnamese_families), FALSE, ESCALE_DEMO_PREFERRED_LAST_WORD };
static const EscaleDemoNameGroup ukrainian_names = { LIST (ukrainian_women), LIST (ukrainian_men), LIST (ukrainian_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };
static const EscaleDemoNameGroup romanian_names = { LIST (romanian_women), LIST (romanian_men), LIST (romanian_families), FALSE, ESCALE_DEMO_PREFERRED_NONE };

static const EscaleDemoCountry countries[] = {
  { "France", 11, &french_names, { 11, 12 }, { 4, 9 }, NULL, TRUE, FALSE },
  { "Belgique", 2, &french_names, { 11, 12 }, { 5, 10 }, "néerlandais", TRUE, FALSE },
  { "Maroc", 8, &maghreb_names, { 7, 11 }, { 3, 8 }, "arabe, amazigh", FALSE, TRUE },
  { "Algérie", 8, &maghreb_names, { 7, 11 }, { 2, 7 }, "arabe, kabyle", FALSE, TRUE },
  { "Tunisie", 5, &maghreb_names, { 7, 11 }, { 3, 8 }, "arabe", FALSE, TRUE },
  { "Cameroun", 6, &central_african_names, { 9, 12 }, { 5, 10 }, "ewondo", FALSE, TRUE },
  { "République démocratique du Congo", 3, &central_african_names, { 8, 12 }, { 2, 6 }, "lingala, swahili", FALSE, TRUE },
  { "Sénégal", 3, &west_african_names, { 8, 12 }, { 2, 7 }, "wolof", FALSE, TRUE },
  { "Côte d’Ivoire", 4, &west_african_names, { 8, 12 }, { 2, 7 }, "dioula", FALSE, TRUE },
  { "Haïti", 7, &haitian_names, { 8, 12 }, { 2, 7 }, "créole haïtien", FALSE, TRUE },
  { "Colombie", 5, &hispanic_names, { 4, 9 }, { 3, 8 }, "espagnol", FALSE, TRUE },
  { "Mexique", 4, &hispanic_names, { 4, 9 }, { 4, 9 }, "espagnol", TRUE, TRUE },
  { "Venezuela", 2, &hispanic_names, { 3, 8 }, { 3, 8 }, "espagnol", FALSE, TRUE },
  { "Pérou", 2, &hispanic_names, { 3, 8 }, { 3, 7 }, "espagnol, quechua", FALSE, TRUE },
  { "Brésil", 3, &brazilian_names, { 4, 9 }, { 4, 9 }, "portugais", FALSE, TRUE },
  { "Syrie", 3, &levantine_names, { 3, 8 }, { 3, 8 }, "arabe", FALSE, TRUE },
  { "Liban", 4, &levantine_names, { 8, 11 }, { 6, 10 }, "arabe", FALSE, TRUE },
  { "Iran", 5, &iranian_names, { 3, 8 }, { 6, 10 }, "persan", FALSE, TRUE },
  { "Inde", 5, &indian_names, { 2, 7 }, { 8, 12 }, "hindi, pendjabi", FALSE, TRUE },
  { "Philippines", 3, &filipino_names, { 2, 6 }, { 8, 12 }, "tagalog", FALSE, TRUE },
  { "Chine", 6, &chinese_names, { 2, 7 }, { 4, 9 }, "mandarin", FALSE, TRUE },
  { "Vietnam", 3, &vietnamese_names, { 3, 8 }, { 4, 8 }, "vietnamien", FALSE, TRUE },
  { "Ukraine", 3, &ukrainian_names, { 2, 7 }, { 4, 9 }, "ukrainien, russe", TRUE, TRUE },
  { "Roumanie", 2, &romanian_names, { 6, 10 }, { 5, 9 }, "roumain", FALSE, FALSE },
};

/**
 * _escale_demo_get_countries:
 * @n_countries: (out): how many there are
 *
 * Returns: (array length=n_countries): the countries of origin, with names
 *   and the usual language levels of their people
 */
const EscaleDemoCountry *
_escale_demo_get_countries (guint *n_countries)
{
  *n_countries = G_N_ELEMENTS (countries);
  return countries;
}

/**
 * _escale_demo_get_english_names:
 *
 * Returns: the English names people from some countries go by
 */
const EscaleDemoList *
_escale_demo_get_english_names (gboolean women)
{
  static const EscaleDemoList english_women_list = LIST (english_women);
  static const EscaleDemoList english_men_list = LIST (english_men);

  return women ? &english_women_list : &english_men_list;
}
