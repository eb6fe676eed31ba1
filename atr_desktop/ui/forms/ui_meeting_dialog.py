# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from atr_desktop.ui.date_field import (DateField, TimeField)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(520, 600)
        self.verticalLayout = QVBoxLayout(MeetingDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.groupLabel = QLabel(MeetingDialog)
        self.groupLabel.setObjectName(u"groupLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(MeetingDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.dateLabel = QLabel(MeetingDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateField(MeetingDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.startLabel = QLabel(MeetingDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = TimeField(MeetingDialog)
        self.startEdit.setObjectName(u"startEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(MeetingDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endEdit = TimeField(MeetingDialog)
        self.endEdit.setObjectName(u"endEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.endEdit)

        self.venueLabel = QLabel(MeetingDialog)
        self.venueLabel.setObjectName(u"venueLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venueEdit = QLineEdit(MeetingDialog)
        self.venueEdit.setObjectName(u"venueEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.venueEdit)

        self.linkLabel = QLabel(MeetingDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkEdit = QLineEdit(MeetingDialog)
        self.linkEdit.setObjectName(u"linkEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.linkEdit)

        self.statusLabel = QLabel(MeetingDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(MeetingDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.notesLabel = QLabel(MeetingDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(MeetingDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.repeatBox = QGroupBox(MeetingDialog)
        self.repeatBox.setObjectName(u"repeatBox")
        self.repeatBox.setCheckable(True)
        self.repeatBox.setChecked(False)
        self.repeatLayout = QFormLayout(self.repeatBox)
        self.repeatLayout.setObjectName(u"repeatLayout")
        self.ruleLabel = QLabel(self.repeatBox)
        self.ruleLabel.setObjectName(u"ruleLabel")

        self.repeatLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ruleLabel)

        self.ruleCombo = QComboBox(self.repeatBox)
        self.ruleCombo.setObjectName(u"ruleCombo")
        self.ruleCombo.setEditable(True)

        self.repeatLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ruleCombo)

        self.countLabel = QLabel(self.repeatBox)
        self.countLabel.setObjectName(u"countLabel")

        self.repeatLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.countLabel)

        self.countSpin = QSpinBox(self.repeatBox)
        self.countSpin.setObjectName(u"countSpin")
        self.countSpin.setMinimum(2)
        self.countSpin.setMaximum(60)
        self.countSpin.setValue(6)

        self.repeatLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.countSpin)

        self.skipLabel = QLabel(self.repeatBox)
        self.skipLabel.setObjectName(u"skipLabel")

        self.repeatLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.skipLabel)

        self.skipEdit = QLineEdit(self.repeatBox)
        self.skipEdit.setObjectName(u"skipEdit")

        self.repeatLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.skipEdit)

        self.previewLabel = QLabel(self.repeatBox)
        self.previewLabel.setObjectName(u"previewLabel")

        self.repeatLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.previewLabel)

        self.previewList = QListWidget(self.repeatBox)
        self.previewList.setObjectName(u"previewList")

        self.repeatLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.previewList)


        self.verticalLayout.addWidget(self.repeatBox)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.groupLabel.setBuddy(self.groupCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.venueLabel.setBuddy(self.venueEdit)
        self.linkLabel.setBuddy(self.linkEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.ruleLabel.setBuddy(self.ruleCombo)
        self.countLabel.setBuddy(self.countSpin)
        self.skipLabel.setBuddy(self.skipEdit)
        self.previewLabel.setBuddy(self.previewList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingDialog)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"Meeting", None))
        self.groupLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Group:", None))
#if QT_CONFIG(accessibility)
        self.groupCombo.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Group", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Date:", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Meeting date", None))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Start:", None))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Start time", None))
#endif // QT_CONFIG(accessibility)
        self.endLabel.setText(QCoreApplication.translate("MeetingDialog", u"&End:", None))
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"End time", None))
#endif // QT_CONFIG(accessibility)
        self.venueLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Venue:", None))
#if QT_CONFIG(accessibility)
        self.venueEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Venue", None))
#endif // QT_CONFIG(accessibility)
        self.venueEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"e.g. Wellington House, Leeds", None))
        self.linkLabel.setText(QCoreApplication.translate("MeetingDialog", u"Online &link:", None))
#if QT_CONFIG(accessibility)
        self.linkEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Online joining link", None))
#endif // QT_CONFIG(accessibility)
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"https://teams.microsoft.com/...", None))
        self.statusLabel.setText(QCoreApplication.translate("MeetingDialog", u"St&atus:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("MeetingDialog", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.repeatBox.setTitle(QCoreApplication.translate("MeetingDialog", u"&Repeat as a series", None))
#if QT_CONFIG(accessibility)
        self.repeatBox.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Repeat as a series", None))
#endif // QT_CONFIG(accessibility)
        self.ruleLabel.setText(QCoreApplication.translate("MeetingDialog", u"R&ule:", None))
#if QT_CONFIG(accessibility)
        self.ruleCombo.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Repeat rule", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.ruleCombo.setToolTip(QCoreApplication.translate("MeetingDialog", u"monthly, bimonthly, quarterly, or a rule such as \"second tuesday\"", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText(QCoreApplication.translate("MeetingDialog", u"&How many meetings:", None))
#if QT_CONFIG(accessibility)
        self.countSpin.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Number of meetings", None))
#endif // QT_CONFIG(accessibility)
        self.skipLabel.setText(QCoreApplication.translate("MeetingDialog", u"S&kip months:", None))
#if QT_CONFIG(accessibility)
        self.skipEdit.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Months to skip", None))
#endif // QT_CONFIG(accessibility)
        self.skipEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"e.g. 8 for August; several with commas", None))
        self.previewLabel.setText(QCoreApplication.translate("MeetingDialog", u"Dates:", None))
#if QT_CONFIG(accessibility)
        self.previewList.setAccessibleName(QCoreApplication.translate("MeetingDialog", u"Dates of the series", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

