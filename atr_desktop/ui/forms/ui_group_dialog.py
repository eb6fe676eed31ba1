# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'group_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_GroupDialog(object):
    def setupUi(self, GroupDialog):
        if not GroupDialog.objectName():
            GroupDialog.setObjectName(u"GroupDialog")
        GroupDialog.resize(520, 480)
        self.verticalLayout = QVBoxLayout(GroupDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(GroupDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(GroupDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.codeLabel = QLabel(GroupDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(GroupDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(8)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.kindLabel = QLabel(GroupDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(GroupDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.ageLabel = QLabel(GroupDialog)
        self.ageLabel.setObjectName(u"ageLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ageLabel)

        self.ageEdit = QLineEdit(GroupDialog)
        self.ageEdit.setObjectName(u"ageEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ageEdit)

        self.rhythmLabel = QLabel(GroupDialog)
        self.rhythmLabel.setObjectName(u"rhythmLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rhythmLabel)

        self.rhythmEdit = QLineEdit(GroupDialog)
        self.rhythmEdit.setObjectName(u"rhythmEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.rhythmEdit)

        self.descriptionLabel = QLabel(GroupDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(GroupDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.constituentsLabel = QLabel(GroupDialog)
        self.constituentsLabel.setObjectName(u"constituentsLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.constituentsLabel)

        self.constituentsList = QListWidget(GroupDialog)
        self.constituentsList.setObjectName(u"constituentsList")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.constituentsList)


        self.verticalLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(GroupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.ageLabel.setBuddy(self.ageEdit)
        self.rhythmLabel.setBuddy(self.rhythmEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.constituentsLabel.setBuddy(self.constituentsList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.ageEdit)
        QWidget.setTabOrder(self.ageEdit, self.rhythmEdit)
        QWidget.setTabOrder(self.rhythmEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.constituentsList)

        self.retranslateUi(GroupDialog)

        QMetaObject.connectSlotsByName(GroupDialog)
    # setupUi

    def retranslateUi(self, GroupDialog):
        GroupDialog.setWindowTitle(QCoreApplication.translate("GroupDialog", u"Group", None))
        self.nameLabel.setText(QCoreApplication.translate("GroupDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Group name", None))
#endif // QT_CONFIG(accessibility)
        self.codeLabel.setText(QCoreApplication.translate("GroupDialog", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Group code", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.codeEdit.setToolTip(QCoreApplication.translate("GroupDialog", u"2 to 8 capital letters or digits, used in references such as SG-2027-014", None))
#endif // QT_CONFIG(tooltip)
        self.kindLabel.setText(QCoreApplication.translate("GroupDialog", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Kind of group", None))
#endif // QT_CONFIG(accessibility)
        self.ageLabel.setText(QCoreApplication.translate("GroupDialog", u"&Age focus:", None))
#if QT_CONFIG(accessibility)
        self.ageEdit.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Age focus", None))
#endif // QT_CONFIG(accessibility)
        self.ageEdit.setPlaceholderText(QCoreApplication.translate("GroupDialog", u"for example 0-25, 18+, whole life course", None))
        self.rhythmLabel.setText(QCoreApplication.translate("GroupDialog", u"&Rhythm:", None))
#if QT_CONFIG(accessibility)
        self.rhythmEdit.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Usual rhythm of meetings", None))
#endif // QT_CONFIG(accessibility)
        self.rhythmEdit.setPlaceholderText(QCoreApplication.translate("GroupDialog", u"for example Quarterly, Bi-monthly", None))
        self.descriptionLabel.setText(QCoreApplication.translate("GroupDialog", u"&Description:", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.constituentsLabel.setText(QCoreApplication.translate("GroupDialog", u"C&onstituent groups:", None))
#if QT_CONFIG(accessibility)
        self.constituentsList.setAccessibleName(QCoreApplication.translate("GroupDialog", u"Constituent groups of a joint group", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.constituentsList.setToolTip(QCoreApplication.translate("GroupDialog", u"Tick the groups a joint group is made of", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

